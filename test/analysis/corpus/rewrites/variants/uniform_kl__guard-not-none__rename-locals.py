# rewrite-of: bases/uniform_kl.py via guard-not-none, rename-locals
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, delta: Optional[float]=0.1):
        super().__init__()
        self.label_smoothing = delta

    def forward(self, vec, part):
        if self.label_smoothing is not None:
            c0 = torch.log_softmax(vec, dim=-1)
            aux = vec.size(-1)
            logq = torch.full_like(c0, self.label_smoothing / aux)
            logq.scatter_(1, part.unsqueeze(1), 1.0 - self.label_smoothing + self.label_smoothing / aux)
            return F.kl_div(c0, logq, reduction='batchmean')
        else:
            return F.cross_entropy(vec, part)
