# rewrite-of: bases/uniform_scatter_fill.py via guard-not-none, rename-all
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, delta: Optional[float]=0.1):
        super().__init__()
        self.p0 = delta

    def forward(self, size_, y_true):
        if self.p0 is not None:
            store = F.log_softmax(size_, dim=-1)
            logq = size_.size(-1)
            with torch.no_grad():
                emb = torch.zeros_like(store)
                emb.fill_(self.p0 / logq)
                emb.scatter_(1, y_true.unsqueeze(1), 1.0 - self.p0 + self.p0 / logq)
            return torch.sum(-emb * store, dim=-1).mean()
        else:
            return F.cross_entropy(size_, y_true)
