# rewrite-of: bases/k1_fill_scatter.py via control-guard-compound, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, w_, coef=0.1):
        super().__init__()
        self.confidence = 1.0 - coef
        self.smoothing = coef
        self.cls = w_

    def forward(self, nxt, labels):
        if self.training and self.smoothing > 0:
            nxt = nxt.log_softmax(dim=-1)
            with torch.no_grad():
                z = torch.zeros_like(nxt)
                z.fill_(self.smoothing / (self.cls - 1))
                z.scatter_(1, labels.unsqueeze(1), self.confidence)
            return torch.mean(torch.sum(-z * nxt, dim=-1))
        return F.cross_entropy(nxt, labels)
