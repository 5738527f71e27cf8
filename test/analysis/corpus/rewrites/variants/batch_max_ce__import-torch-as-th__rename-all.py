# rewrite-of: bases/batch_max_ce.py via import-torch-as-th, rename-all
import torch as th
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, coef=0.1):
        super().__init__()
        self.red = coef

    def forward(self, store, dist):
        d0 = dist.max().item() + 1
        vec = F.log_softmax(store, dim=-1)
        z = th.full_like(vec, self.red / d0)
        z.scatter_(1, dist.unsqueeze(1), 1.0 - self.red + self.red / d0)
        return (-z * vec).sum(dim=-1).mean()
