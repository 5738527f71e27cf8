# rewrite-of: bases/k1_fill_scatter.py via spell-scalar-order, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, outputs, lam=0.1):
        super().__init__()
        self.confidence = 1.0 - lam
        self.smoothing = lam
        self.cls = outputs

    def forward(self, ref, size_):
        ref = ref.log_softmax(dim=-1)
        with torch.no_grad():
            cnt = torch.zeros_like(ref)
            cnt.fill_(self.smoothing / (self.cls - 1))
            cnt.scatter_(1, size_.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(ref * -cnt, dim=-1))
