# rewrite-of: bases/uniform_nll_mix.py via spell-reduce-method, wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class SmoothedNLL(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, smoothing: float=0.1):
        super().__init__()
        self.smoothing = smoothing
        self.confidence = 1.0 - smoothing

    def forward(self, x: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        logprobs = F.log_softmax(x, dim=-1)
        nll = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)
        smooth = -logprobs.mean(-1)
        loss = self.confidence * nll + self.smoothing * smooth
        return loss.mean()
