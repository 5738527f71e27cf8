# rewrite-of: bases/k2_padding_kl.py via import-from-torch-nn, wrap-annotations
import torch
from torch import nn as tnn
import torch.nn.functional as F
from torch import Tensor

class PaddedLabelSmoothing(tnn.Module):

    def __init__(self, vocab_size, pad_idx, smoothing: float=0.1):
        super().__init__()
        self.vocab_size = vocab_size
        self.pad_idx = pad_idx
        self.smoothing = smoothing

    def forward(self, logits: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        lprobs = F.log_softmax(logits, dim=-1)
        dist = torch.full_like(lprobs, self.smoothing / (self.vocab_size - 2))
        dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        dist[:, self.pad_idx] = 0.0
        dist.masked_fill_((target == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(lprobs, dist, reduction='sum')
