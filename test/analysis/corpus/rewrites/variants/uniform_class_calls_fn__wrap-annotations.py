# rewrite-of: bases/uniform_class_calls_fn.py via wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

def smoothed_nll(lprobs, target, eps):
    nll = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)
    smooth = -lprobs.sum(dim=-1) / lprobs.size(-1)
    return ((1.0 - eps) * nll + eps * smooth).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, eps: float=0.1):
        super().__init__()
        self.eps = eps

    def forward(self, net_output: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        lprobs = F.log_softmax(net_output, dim=-1)
        return smoothed_nll(lprobs, target, self.eps)
