# rewrite-of: bases/uniform_class_calls_fn.py via wrap-annotations, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

def smoothed_nll(emb, u, delta):
    gold = -emb.gather(dim=-1, index=u.unsqueeze(-1)).squeeze(-1)
    term_a = -emb.sum(dim=-1) / emb.size(-1)
    return ((1.0 - delta) * gold + delta * term_a).sum()

class MyLoss(nn.Module):

    def __init__(self, mix: float=0.1):
        super().__init__()
        self.wt = mix

    def forward(self, h: Tensor, outputs: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        tgt = F.log_softmax(h, dim=-1)
        return smoothed_nll(tgt, outputs, self.wt)
