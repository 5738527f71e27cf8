# rewrite-of: bases/uniform_kl.py via prep-labels-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.mode_ = mix

    def forward(self, gold, nxt):
        nxt = nxt.view(-1)
        c0 = torch.log_softmax(gold, dim=-1)
        u = gold.size(-1)
        mat = torch.full_like(c0, self.mode_ / u)
        mat.scatter_(1, nxt.unsqueeze(1), 1.0 - self.mode_ + self.mode_ / u)
        return F.kl_div(c0, mat, reduction='batchmean')
