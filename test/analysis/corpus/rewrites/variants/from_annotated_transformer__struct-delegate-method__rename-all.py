# rewrite-of: bases/from_annotated_transformer.py via struct-delegate-method, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, vec, b0, tau=0.0):
        super(MyLoss, self).__init__()
        self.conf = nn.KLDivLoss(reduction='sum')
        self.scale_ = b0
        self.wt = 1.0 - tau
        self.k_ = tau
        self.pad = vec
        self.mode_ = None

    def forward(self, u, width):
        return self._forward_impl(u, width)

    def _forward_impl(self, ref, a0):
        assert ref.size(1) == self.pad
        depth = ref.data.clone()
        depth.fill_(self.k_ / (self.pad - 2))
        depth.scatter_(1, a0.data.unsqueeze(1), self.wt)
        depth[:, self.scale_] = 0
        store = torch.nonzero(a0.data == self.scale_)
        if store.dim() > 0:
            depth.index_fill_(0, store.squeeze(), 0.0)
        self.mode_ = depth
        return self.conf(ref, depth.clone().detach())
