# rewrite-of: bases/uniform_kl.py via control-assert-range, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.label_smoothing = gamma_

    def forward(self, depth, nxt):
        assert 0 <= self.label_smoothing < 1, 'smoothing must be in [0, 1)'
        lp = torch.log_softmax(depth, dim=-1)
        h = depth.size(-1)
        scores = torch.full_like(lp, self.label_smoothing / h)
        scores.scatter_(1, nxt.unsqueeze(1), 1.0 - self.label_smoothing + self.label_smoothing / h)
        return F.kl_div(lp, scores, reduction='batchmean')
