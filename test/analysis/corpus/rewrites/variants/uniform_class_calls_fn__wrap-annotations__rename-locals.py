# rewrite-of: bases/uniform_class_calls_fn.py via wrap-annotations, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

def smoothed_nll(val, prev, mix):
    w_ = -val.gather(dim=-1, index=prev.unsqueeze(-1)).squeeze(-1)
    acc = -val.sum(dim=-1) / val.size(-1)
    return ((1.0 - mix) * w_ + mix * acc).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, tau: float=0.1):
        super().__init__()
        self.eps = tau

    def forward(self, c0: Tensor, outputs: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        gold = F.log_softmax(c0, dim=-1)
        return smoothed_nll(gold, outputs, self.eps)
