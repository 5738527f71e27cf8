# rewrite-of: bases/from_annotated_transformer.py via spell-onehot-index-assign, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Implement label smoothing."""

    def __init__(self, u, arr, coef=0.0):
        super(ObjectiveFn, self).__init__()
        self.mode_ = nn.KLDivLoss(reduction='sum')
        self.k_ = arr
        self.red = 1.0 - coef
        self.mix = coef
        self.conf = u
        self.p0 = None

    def forward(self, store, part):
        assert store.size(1) == self.conf
        z = store.data.clone()
        z.fill_(self.mix / (self.conf - 2))
        z[torch.arange(z.size(0)), part.data] = self.red
        z[:, self.k_] = 0
        c0 = torch.nonzero(part.data == self.k_)
        if c0.dim() > 0:
            z.index_fill_(0, c0.squeeze(), 0.0)
        self.p0 = z
        return self.mode_(store, z.clone().detach())
