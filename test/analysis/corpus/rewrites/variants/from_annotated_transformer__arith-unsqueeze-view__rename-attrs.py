# rewrite-of: bases/from_annotated_transformer.py via arith-unsqueeze-view, rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.scale_ = nn.KLDivLoss(reduction='sum')
        self.beta = padding_idx
        self.lossfn = 1.0 - smoothing
        self.wt = smoothing
        self.pad = size
        self.mix = None

    def forward(self, x, target):
        assert x.size(1) == self.pad
        true_dist = x.data.clone()
        true_dist.fill_(self.wt / (self.pad - 2))
        true_dist.scatter_(1, target.data.view(-1, 1), self.lossfn)
        true_dist[:, self.beta] = 0
        mask = torch.nonzero(target.data == self.beta)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.mix = true_dist
        return self.scale_(x, true_dist.clone().detach())
