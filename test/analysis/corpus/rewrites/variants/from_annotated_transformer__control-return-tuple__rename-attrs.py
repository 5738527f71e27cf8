# rewrite-of: bases/from_annotated_transformer.py via control-return-tuple, rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.mix = nn.KLDivLoss(reduction='sum')
        self.lossfn = padding_idx
        self.beta = 1.0 - smoothing
        self.k_ = smoothing
        self.wt = size
        self.coef = None

    def forward(self, x, target):
        assert x.size(1) == self.wt
        true_dist = x.data.clone()
        true_dist.fill_(self.k_ / (self.wt - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.beta)
        true_dist[:, self.lossfn] = 0
        mask = torch.nonzero(target.data == self.lossfn)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.coef = true_dist
        return (self.mix(x, true_dist.clone().detach()), self.mix(x, true_dist.clone().detach()).detach())
