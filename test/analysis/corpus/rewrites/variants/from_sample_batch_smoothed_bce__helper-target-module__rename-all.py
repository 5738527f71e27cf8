# rewrite-of: bases/from_sample_batch_smoothed_bce.py via helper-target-module, rename-all
import torch
import torch.nn as nn

def build_soft_targets(ref, lp, lam):
    ref = ref * (1 - lam) + lam / lp
    return ref

class TaskObjective(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, mix, outputs='mean'):
        super().__init__()
        self.crit = mix
        self.wt = outputs

    def forward(self, val, vec):
        term_b = vec.max().item() + 1
        vec = build_soft_targets(vec, term_b, self.crit)
        logq = -vec * torch.log(val + 1e-12)
        arr = -(1 - vec) * torch.log(1 - val + 1e-12)
        c0 = (logq + arr).sum()
        if self.wt == 'mean':
            c0 = c0 / len(val)
        return c0
