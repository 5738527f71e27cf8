# rewrite-of: bases/k1_fill_scatter.py via struct-subclass-super, rename-all
import torch
import torch.nn as nn

class _OtherClassSmoothingBase(nn.Module):

    def __init__(z, d0, tau=0.1):
        super().__init__()
        z.confidence = 1.0 - tau
        z.smoothing = tau
        z.cls = d0

    def forward(cnt, dist, mat):
        dist = dist.log_softmax(dim=-1)
        with torch.no_grad():
            term_a = torch.zeros_like(dist)
            term_a.fill_(cnt.smoothing / (cnt.cls - 1))
            term_a.scatter_(1, mat.unsqueeze(1), cnt.confidence)
        return torch.mean(torch.sum(-term_a * dist, dim=-1))

class CriterionA(_OtherClassSmoothingBase):

    def forward(self, logq, c0):
        return super().forward(logq, c0)
