# rewrite-of: bases/k1_fill_scatter.py via arith-einsum, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, y_true, delta=0.1):
        super().__init__()
        self.confidence = 1.0 - delta
        self.smoothing = delta
        self.cls = y_true

    def forward(self, buf, acc):
        buf = buf.log_softmax(dim=-1)
        with torch.no_grad():
            part = torch.zeros_like(buf)
            part.fill_(self.smoothing / (self.cls - 1))
            part.scatter_(1, acc.unsqueeze(1), self.confidence)
        return torch.mean(-torch.einsum('nc,nc->n', part, buf))
