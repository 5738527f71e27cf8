# rewrite-of: bases/k1_where_kl.py via spell-logsoftmax-method, axis-dim1
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.alpha = alpha

    def forward(self, x, y):
        k = x.size(1)
        hit = F.one_hot(y, k).movedim(-1, 1).bool()
        q = torch.where(hit, 1.0 - self.alpha, self.alpha / (k - 1))
        logp = x.log_softmax(dim=1)
        return F.kl_div(logp, q, reduction='sum')
