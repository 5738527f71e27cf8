# rewrite-of: bases/uniform_nll_mix.py via struct-subclass-super, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class _SmoothedNLLBase(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(tgt, mix=0.1):
        super().__init__()
        tgt.smoothing = mix
        tgt.confidence = 1.0 - mix

    def forward(a0, scores, size_):
        w_ = F.log_softmax(scores, dim=-1)
        cnt = -w_.gather(dim=-1, index=size_.unsqueeze(1)).squeeze(1)
        u = -w_.mean(dim=-1)
        b0 = a0.confidence * cnt + a0.smoothing * u
        return b0.mean()

class ObjectiveFn(_SmoothedNLLBase):

    def forward(self, arr, part):
        return super().forward(arr, part)
