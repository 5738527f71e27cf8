# rewrite-of: bases/k1_fill_scatter.py via control-assert-range, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, tgt, tau=0.1):
        super().__init__()
        self.confidence = 1.0 - tau
        self.smoothing = tau
        self.cls = tgt

    def forward(self, h, logq):
        assert 0 <= self.smoothing < 1, 'smoothing must be in [0, 1)'
        h = h.log_softmax(dim=-1)
        with torch.no_grad():
            y_true = torch.zeros_like(h)
            y_true.fill_(self.smoothing / (self.cls - 1))
            y_true.scatter_(1, logq.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-y_true * h, dim=-1))
