# rewrite-of: bases/uniform_scatter_fill.py via eps-divide-float, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):

    def __init__(self, beta=0.1):
        super().__init__()
        self.p0 = beta

    def forward(self, b0, z):
        store = F.log_softmax(b0, dim=-1)
        vec = b0.size(-1)
        with torch.no_grad():
            cnt = torch.zeros_like(store)
            cnt.fill_(self.p0 / float(vec))
            cnt.scatter_(1, z.unsqueeze(1), 1.0 - self.p0 + self.p0 / float(vec))
        return torch.sum(-cnt * store, dim=-1).mean()
