# rewrite-of: bases/k1_fill_scatter.py via eps-default-none-default, rename-all
import torch
import torch.nn as nn

class HeadLoss(nn.Module):

    def __init__(self, z, alpha=None):
        if alpha is None:
            alpha = 0.1
        super().__init__()
        self.scale_ = 1.0 - alpha
        self.wt = alpha
        self.conf = z

    def forward(self, prev, u):
        prev = prev.log_softmax(dim=-1)
        with torch.no_grad():
            width = torch.zeros_like(prev)
            width.fill_(self.wt / (self.conf - 1))
            width.scatter_(1, u.unsqueeze(1), self.scale_)
        return torch.mean(torch.sum(-width * prev, dim=-1))
