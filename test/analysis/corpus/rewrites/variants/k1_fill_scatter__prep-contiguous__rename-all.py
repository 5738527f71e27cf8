# rewrite-of: bases/k1_fill_scatter.py via prep-contiguous, rename-all
import torch
import torch.nn as nn

class TaskObjective(nn.Module):

    def __init__(self, scores, rho=0.1):
        super().__init__()
        self.coef = 1.0 - rho
        self.strength = rho
        self.beta = scores

    def forward(self, buf, preds):
        buf = buf.contiguous()
        buf = buf.log_softmax(dim=-1)
        with torch.no_grad():
            gold = torch.zeros_like(buf)
            gold.fill_(self.strength / (self.beta - 1))
            gold.scatter_(1, preds.unsqueeze(1), self.coef)
        return torch.mean(torch.sum(-gold * buf, dim=-1))
