# rewrite-of: bases/k1_fill_scatter.py via axis-dim1, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, nxt, beta=0.1):
        super().__init__()
        self.confidence = 1.0 - beta
        self.smoothing = beta
        self.cls = nxt

    def forward(self, prev, inp):
        prev = prev.log_softmax(dim=1)
        with torch.no_grad():
            cur = torch.zeros_like(prev)
            cur.fill_(self.smoothing / (self.cls - 1))
            cur.scatter_(1, inp.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-cur * prev, dim=1))
