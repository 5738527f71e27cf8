# rewrite-of: bases/uniform_kl.py via control-guard-compound, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.label_smoothing = gamma_

    def forward(self, vec, depth):
        if self.training and self.label_smoothing > 0:
            gold = torch.log_softmax(vec, dim=-1)
            a0 = vec.size(-1)
            tmp = torch.full_like(gold, self.label_smoothing / a0)
            tmp.scatter_(1, depth.unsqueeze(1), 1.0 - self.label_smoothing + self.label_smoothing / a0)
            return F.kl_div(gold, tmp, reduction='batchmean')
        return F.cross_entropy(vec, depth)
