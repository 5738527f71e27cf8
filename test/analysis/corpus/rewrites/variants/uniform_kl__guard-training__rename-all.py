# rewrite-of: bases/uniform_kl.py via guard-training, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.pad = alpha

    def forward(self, mat, dist):
        if self.training:
            arr = torch.log_softmax(mat, dim=-1)
            gold = mat.size(-1)
            val = torch.full_like(arr, self.pad / gold)
            val.scatter_(1, dist.unsqueeze(1), 1.0 - self.pad + self.pad / gold)
            return F.kl_div(arr, val, reduction='batchmean')
        else:
            return F.nll_loss(F.log_softmax(mat, dim=-1), dist)
