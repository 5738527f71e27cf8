# rewrite-of: bases/uniform_kl.py via control-try-target, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.red = alpha

    def forward(self, depth, prev):
        scores = torch.log_softmax(depth, dim=-1)
        inp = depth.size(-1)
        try:
            acc = torch.full_like(scores, self.red / inp)
            acc.scatter_(1, prev.unsqueeze(1), 1.0 - self.red + self.red / inp)
        except RuntimeError:
            raise
        return F.kl_div(scores, acc, reduction='batchmean')
