# rewrite-of: bases/from_annotated_transformer.py via eps-property, rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.pad = nn.KLDivLoss(reduction='sum')
        self.coef = padding_idx
        self.k_ = smoothing
        self.conf = size
        self.beta = None

    @property
    def confidence(self):
        return 1.0 - self.k_

    def forward(self, x, target):
        assert x.size(1) == self.conf
        true_dist = x.data.clone()
        true_dist.fill_(self.k_ / (self.conf - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        true_dist[:, self.coef] = 0
        mask = torch.nonzero(target.data == self.coef)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.beta = true_dist
        return self.pad(x, true_dist.clone().detach())
