# rewrite-of: bases/uniform_scatter_fill.py via struct-logsoftmax-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, amount=0.1):
        super().__init__()
        self.n_out = amount
        self.wt = nn.LogSoftmax(dim=-1)

    def forward(self, labels, aux):
        store = self.wt(labels)
        part = labels.size(-1)
        with torch.no_grad():
            term_b = torch.zeros_like(store)
            term_b.fill_(self.n_out / part)
            term_b.scatter_(1, aux.unsqueeze(1), 1.0 - self.n_out + self.n_out / part)
        return torch.sum(-term_b * store, dim=-1).mean()
