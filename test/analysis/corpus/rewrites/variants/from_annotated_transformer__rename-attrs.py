# rewrite-of: bases/from_annotated_transformer.py via rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.conf = nn.KLDivLoss(reduction='sum')
        self.strength = padding_idx
        self.k_ = 1.0 - smoothing
        self.crit = smoothing
        self.coef = size
        self.mix = None

    def forward(self, x, target):
        assert x.size(1) == self.coef
        true_dist = x.data.clone()
        true_dist.fill_(self.crit / (self.coef - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.k_)
        true_dist[:, self.strength] = 0
        mask = torch.nonzero(target.data == self.strength)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.mix = true_dist
        return self.conf(x, true_dist.clone().detach())
