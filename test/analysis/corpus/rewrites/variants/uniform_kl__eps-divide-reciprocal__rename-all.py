# rewrite-of: bases/uniform_kl.py via eps-divide-reciprocal, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.beta = alpha

    def forward(self, d0, gold):
        prev = torch.log_softmax(d0, dim=-1)
        emb = d0.size(-1)
        h = torch.full_like(prev, self.beta * (1.0 / emb))
        h.scatter_(1, gold.unsqueeze(1), 1.0 - self.beta + self.beta * (1.0 / emb))
        return F.kl_div(prev, h, reduction='batchmean')
