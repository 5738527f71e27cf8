# rewrite-of: bases/uniform_nll_mix.py via control-early-return, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothedNLL(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.smoothing = amount
        self.confidence = 1.0 - amount

    def forward(self, preds, arr):
        if self.smoothing == 0:
            return F.cross_entropy(preds, arr)
        tgt = F.log_softmax(preds, dim=-1)
        emb = -tgt.gather(dim=-1, index=arr.unsqueeze(1)).squeeze(1)
        inp = -tgt.mean(dim=-1)
        cnt = self.confidence * emb + self.smoothing * inp
        return cnt.mean()
