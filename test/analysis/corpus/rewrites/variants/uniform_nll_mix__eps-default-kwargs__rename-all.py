# rewrite-of: bases/uniform_nll_mix.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, **kwargs):
        depth = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.scale_ = depth
        self.pad = 1.0 - depth

    def forward(self, prev, nxt):
        a0 = F.log_softmax(prev, dim=-1)
        emb = -a0.gather(dim=-1, index=nxt.unsqueeze(1)).squeeze(1)
        z = -a0.mean(dim=-1)
        cur = self.pad * emb + self.scale_ * z
        return cur.mean()
