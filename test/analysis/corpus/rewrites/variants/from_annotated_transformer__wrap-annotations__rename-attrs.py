# rewrite-of: bases/from_annotated_transformer.py via wrap-annotations, rename-attrs
import torch
import torch.nn as nn
from torch import Tensor

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing: float=0.0):
        super(LabelSmoothing, self).__init__()
        self.lossfn = nn.KLDivLoss(reduction='sum')
        self.crit = padding_idx
        self.wt = 1.0 - smoothing
        self.coef = smoothing
        self.mix = size
        self.beta = None

    def forward(self, x: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        assert x.size(1) == self.mix
        true_dist = x.data.clone()
        true_dist.fill_(self.coef / (self.mix - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.wt)
        true_dist[:, self.crit] = 0
        mask = torch.nonzero(target.data == self.crit)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.beta = true_dist
        return self.lossfn(x, true_dist.clone().detach())
