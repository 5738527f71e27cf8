# rewrite-of: bases/uniform_scatter_fill.py via prep-classes-list, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):

    def __init__(self, scores, coef=0.1):
        super().__init__()
        self.p0 = coef
        self.mix = list(scores)

    def forward(self, outputs, labels):
        term_b = F.log_softmax(outputs, dim=-1)
        size_ = len(self.mix)
        with torch.no_grad():
            d0 = torch.zeros_like(term_b)
            d0.fill_(self.p0 / size_)
            d0.scatter_(1, labels.unsqueeze(1), 1.0 - self.p0 + self.p0 / size_)
        return torch.sum(-d0 * term_b, dim=-1).mean()
