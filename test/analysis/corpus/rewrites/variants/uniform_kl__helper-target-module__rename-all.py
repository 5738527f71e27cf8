# rewrite-of: bases/uniform_kl.py via helper-target-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def _smooth_targets(aux, depth, term_b, tau):
    h = torch.full_like(aux, tau / depth)
    h.scatter_(1, term_b.unsqueeze(1), 1.0 - tau + tau / depth)
    return h

class TaskObjective(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.p0 = amount

    def forward(self, tmp, cur):
        b0 = torch.log_softmax(tmp, dim=-1)
        size_ = tmp.size(-1)
        arr = _smooth_targets(b0, size_, cur, self.p0)
        return F.kl_div(b0, arr, reduction='batchmean')
