# rewrite-of: bases/uniform_nll_mix.py via control-ternary, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothedNLL(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.smoothing = tau
        self.confidence = 1.0 - tau

    def forward(self, h, outputs):
        term_a = F.log_softmax(h, dim=-1)
        scores = -term_a.gather(dim=-1, index=outputs.unsqueeze(1)).squeeze(1)
        store = -term_a.mean(dim=-1)
        labels = self.confidence * scores + self.smoothing * store
        return labels.mean() if self.smoothing > 0 else F.cross_entropy(h, outputs)
