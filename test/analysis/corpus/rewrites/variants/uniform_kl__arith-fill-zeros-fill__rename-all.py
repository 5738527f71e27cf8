# rewrite-of: bases/uniform_kl.py via arith-fill-zeros-fill, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.alpha = gamma_

    def forward(self, prev, logq):
        acc = torch.log_softmax(prev, dim=-1)
        arr = prev.size(-1)
        ref = torch.zeros_like(acc).fill_(self.alpha / arr)
        ref.scatter_(1, logq.unsqueeze(1), 1.0 - self.alpha + self.alpha / arr)
        return F.kl_div(acc, ref, reduction='batchmean')
