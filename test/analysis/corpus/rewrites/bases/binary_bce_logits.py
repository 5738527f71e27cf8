# base: binary_bce_logits convention: binary
# spec: {"symbol": "SmoothBCE", "eps_param": "eps", "eps_attr": "eps", "init": {}, "input": "logits", "target": "binary", "ref": "binary", "reduction": "mean", "fallback": "F.binary_cross_entropy_with_logits({x}, {t})", "q_var": "soft", "axis": false}
import torch
import torch.nn as nn
import torch.nn.functional as F


class SmoothBCE(nn.Module):
    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        soft = target * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(logits, soft)
