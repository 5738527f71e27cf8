# rewrite-of: bases/from_annotated_transformer.py via control-guard-compound, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.mix = nn.KLDivLoss(reduction='sum')
        self.conf = padding_idx
        self.strength = 1.0 - smoothing
        self.red = smoothing
        self.wt = size
        self.pad = None

    def forward(self, x, target):
        if self.training and self.red > 0:
            assert x.size(1) == self.wt
            true_dist = x.data.clone()
            true_dist.fill_(self.red / (self.wt - 2))
            true_dist.scatter_(1, target.data.unsqueeze(1), self.strength)
            true_dist[:, self.conf] = 0
            mask = torch.nonzero(target.data == self.conf)
            if mask.dim() > 0:
                true_dist.index_fill_(0, mask.squeeze(), 0.0)
            self.pad = true_dist
            return self.mix(x, true_dist.clone().detach())
        return F.nll_loss(x, target, ignore_index=self.conf, reduction='sum')
