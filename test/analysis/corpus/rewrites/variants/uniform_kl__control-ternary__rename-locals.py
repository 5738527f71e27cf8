# rewrite-of: bases/uniform_kl.py via control-ternary, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.label_smoothing = gamma_

    def forward(self, arr, val):
        scores = torch.log_softmax(arr, dim=-1)
        inp = arr.size(-1)
        d0 = torch.full_like(scores, self.label_smoothing / inp)
        d0.scatter_(1, val.unsqueeze(1), 1.0 - self.label_smoothing + self.label_smoothing / inp)
        return F.kl_div(scores, d0, reduction='batchmean') if self.label_smoothing > 0 else F.cross_entropy(arr, val)
