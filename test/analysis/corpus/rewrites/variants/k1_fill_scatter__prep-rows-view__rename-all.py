# rewrite-of: bases/k1_fill_scatter.py via prep-rows-view, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):

    def __init__(self, logq, amount=0.1):
        super().__init__()
        self.red = 1.0 - amount
        self.crit = amount
        self.alpha = logq

    def forward(self, prev, aux):
        prev = prev.view(-1, prev.size(-1))
        prev = prev.log_softmax(dim=-1)
        with torch.no_grad():
            w_ = torch.zeros_like(prev)
            w_.fill_(self.crit / (self.alpha - 1))
            w_.scatter_(1, aux.unsqueeze(1), self.red)
        return torch.mean(torch.sum(-w_ * prev, dim=-1))
