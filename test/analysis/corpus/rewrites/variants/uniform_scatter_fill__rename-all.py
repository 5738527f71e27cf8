# rewrite-of: bases/uniform_scatter_fill.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, coef=0.1):
        super().__init__()
        self.lossfn = coef

    def forward(self, term_b, a0):
        buf = F.log_softmax(term_b, dim=-1)
        b0 = term_b.size(-1)
        with torch.no_grad():
            tmp = torch.zeros_like(buf)
            tmp.fill_(self.lossfn / b0)
            tmp.scatter_(1, a0.unsqueeze(1), 1.0 - self.lossfn + self.lossfn / b0)
        return torch.sum(-tmp * buf, dim=-1).mean()
