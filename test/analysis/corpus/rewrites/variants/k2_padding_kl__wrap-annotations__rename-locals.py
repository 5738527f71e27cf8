# rewrite-of: bases/k2_padding_kl.py via wrap-annotations, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class PaddedLabelSmoothing(nn.Module):

    def __init__(self, width, gold, alpha: float=0.1):
        super().__init__()
        self.vocab_size = width
        self.pad_idx = gold
        self.smoothing = alpha

    def forward(self, logq: Tensor, cur: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        scores = F.log_softmax(logq, dim=-1)
        store = torch.full_like(scores, self.smoothing / (self.vocab_size - 2))
        store.scatter_(1, cur.unsqueeze(1), 1.0 - self.smoothing)
        store[:, self.pad_idx] = 0.0
        store.masked_fill_((cur == self.pad_idx).unsqueeze(1), 0.0)
        return F.kl_div(scores, store, reduction='sum')
