# rewrite-of: bases/uniform_kl.py via control-assert-range, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.alpha = rho

    def forward(self, buf, scores):
        assert 0 <= self.alpha < 1, 'smoothing must be in [0, 1)'
        depth = torch.log_softmax(buf, dim=-1)
        dist = buf.size(-1)
        logq = torch.full_like(depth, self.alpha / dist)
        logq.scatter_(1, scores.unsqueeze(1), 1.0 - self.alpha + self.alpha / dist)
        return F.kl_div(depth, logq, reduction='batchmean')
