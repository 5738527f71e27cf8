# rewrite-of: bases/from_annotated_transformer.py via axis-flatten-permute, rename-attrs
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.mode_ = nn.KLDivLoss(reduction='sum')
        self.strength = padding_idx
        self.conf = 1.0 - smoothing
        self.coef = smoothing
        self.k_ = size
        self.n_out = None

    def forward(self, x, target):
        x = x.permute(0, 2, 1).reshape(-1, x.size(1))
        target = target.reshape(-1)
        assert x.size(1) == self.k_
        true_dist = x.data.clone()
        true_dist.fill_(self.coef / (self.k_ - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.conf)
        true_dist[:, self.strength] = 0
        mask = torch.nonzero(target.data == self.strength)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.n_out = true_dist
        return self.mode_(x, true_dist.clone().detach())
