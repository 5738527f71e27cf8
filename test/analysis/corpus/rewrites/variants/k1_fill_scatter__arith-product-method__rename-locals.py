# rewrite-of: bases/k1_fill_scatter.py via arith-product-method, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, gold, alpha=0.1):
        super().__init__()
        self.confidence = 1.0 - alpha
        self.smoothing = alpha
        self.cls = gold

    def forward(self, d0, lp):
        d0 = d0.log_softmax(dim=-1)
        with torch.no_grad():
            term_a = torch.zeros_like(d0)
            term_a.fill_(self.smoothing / (self.cls - 1))
            term_a.scatter_(1, lp.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(d0.mul(-term_a), dim=-1))
