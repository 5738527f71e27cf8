# rewrite-of: bases/k1_where_kl.py via control-temp-walrus, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, beta=0.1):
        super().__init__()
        self.pad = beta

    def forward(self, store, term_a):
        labels = store.size(-1)
        val = torch.where((vec := F.one_hot(term_a, labels).bool()), 1.0 - self.pad, self.pad / (labels - 1))
        return F.kl_div((lp := F.log_softmax(store, dim=-1)), val, reduction='sum')
