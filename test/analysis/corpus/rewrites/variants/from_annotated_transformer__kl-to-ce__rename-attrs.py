# rewrite-of: bases/from_annotated_transformer.py via kl-to-ce, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.k_ = nn.KLDivLoss(reduction='sum')
        self.pad = padding_idx
        self.alpha = 1.0 - smoothing
        self.p0 = smoothing
        self.strength = size
        self.mix = None

    def forward(self, x, target):
        assert x.size(1) == self.strength
        true_dist = x.data.clone()
        true_dist.fill_(self.p0 / (self.strength - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.alpha)
        true_dist[:, self.pad] = 0
        mask = torch.nonzero(target.data == self.pad)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.mix = true_dist
        return (-(true_dist.clone().detach() * x)).sum()
