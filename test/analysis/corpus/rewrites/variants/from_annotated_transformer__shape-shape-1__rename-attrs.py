# rewrite-of: bases/from_annotated_transformer.py via shape-shape-1, rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.scale_ = nn.KLDivLoss(reduction='sum')
        self.mode_ = padding_idx
        self.conf = 1.0 - smoothing
        self.strength = smoothing
        self.mix = size
        self.beta = None

    def forward(self, x, target):
        assert x.shape[1] == self.mix
        true_dist = x.data.clone()
        true_dist.fill_(self.strength / (self.mix - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.conf)
        true_dist[:, self.mode_] = 0
        mask = torch.nonzero(target.data == self.mode_)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.beta = true_dist
        return self.scale_(x, true_dist.clone().detach())
