# rewrite-of: bases/from_annotated_transformer.py via eps-confidence-in-forward, rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.wt = nn.KLDivLoss(reduction='sum')
        self.crit = padding_idx
        self.beta = smoothing
        self.k_ = size
        self.pad = None

    def forward(self, x, target):
        confidence_ = 1.0 - self.beta
        assert x.size(1) == self.k_
        true_dist = x.data.clone()
        true_dist.fill_(self.beta / (self.k_ - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), confidence_)
        true_dist[:, self.crit] = 0
        mask = torch.nonzero(target.data == self.crit)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.pad = true_dist
        return self.wt(x, true_dist.clone().detach())
