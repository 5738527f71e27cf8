# rewrite-of: bases/uniform_nll_mix.py via wrap-module-to-function, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(width, buf, vec, amount):
    h = F.log_softmax(width, dim=-1)
    arr = -h.gather(dim=-1, index=buf.unsqueeze(1)).squeeze(1)
    preds = -h.mean(dim=-1)
    u = vec * arr + amount * preds
    return u.mean()

class SmoothedNLL(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha
        self.confidence = 1.0 - alpha

    def forward(self, depth, prev):
        return smoothed_loss(depth, prev, vec=self.confidence, amount=self.smoothing)
