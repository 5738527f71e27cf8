# rewrite-of: bases/uniform_nll_mix.py via wrap-annotations, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class SmoothedNLL(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, smoothing: float=0.1):
        super().__init__()
        self.pad = smoothing
        self.k_ = 1.0 - smoothing

    def forward(self, x: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        logprobs = F.log_softmax(x, dim=-1)
        nll = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth = -logprobs.mean(dim=-1)
        loss = self.k_ * nll + self.pad * smooth
        return loss.mean()
