# rewrite-of: bases/uniform_kl.py via helper-target-nested, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, beta=0.1):
        super().__init__()
        self.pad = beta

    def forward(self, acc, scores):
        term_b = torch.log_softmax(acc, dim=-1)
        w_ = acc.size(-1)

        def _smooth_targets(gold, vec, y_true):
            term_a = torch.full_like(gold, self.pad / vec)
            term_a.scatter_(1, y_true.unsqueeze(1), 1.0 - self.pad + self.pad / vec)
            return term_a
        part = _smooth_targets(term_b, w_, scores)
        return F.kl_div(term_b, part, reduction='batchmean')
