# rewrite-of: bases/k2_padding_kl.py via struct-classmethod-target, wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing: float=0.1):
        super().__init__()
        self.vocab_size = vocab_size
        self.pad_idx = pad_idx
        self.smoothing = smoothing

    @classmethod
    def build_soft_targets(cls, lprobs, target, smoothing, vocab_size, pad_idx):
        dist = torch.full_like(lprobs, smoothing / (vocab_size - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - smoothing)
        dist[:, pad_idx] = 0.0
        dist.masked_fill_((target == pad_idx).unsqueeze(1), 0.0)
        return dist

    def forward(self, logits: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        lprobs = F.log_softmax(logits, dim=-1)
        dist = self.build_soft_targets(lprobs, target, self.smoothing, self.vocab_size, self.pad_idx)
        return F.kl_div(lprobs, dist, reduction='sum')
