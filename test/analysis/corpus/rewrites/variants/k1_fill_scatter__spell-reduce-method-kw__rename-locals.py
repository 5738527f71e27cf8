# rewrite-of: bases/k1_fill_scatter.py via spell-reduce-method-kw, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, u, delta=0.1):
        super().__init__()
        self.confidence = 1.0 - delta
        self.smoothing = delta
        self.cls = u

    def forward(self, nxt, y_true):
        nxt = nxt.log_softmax(dim=-1)
        with torch.no_grad():
            val = torch.zeros_like(nxt)
            val.fill_(self.smoothing / (self.cls - 1))
            val.scatter_(1, y_true.unsqueeze(1), self.confidence)
        return (-val * nxt).sum(dim=-1).mean()
