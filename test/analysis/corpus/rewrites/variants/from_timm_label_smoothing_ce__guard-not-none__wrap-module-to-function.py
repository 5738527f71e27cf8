# rewrite-of: bases/from_timm_label_smoothing_ce.py via guard-not-none, wrap-module-to-function
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(x, target, smoothing, confidence):
    if smoothing is not None:
        logprobs = F.log_softmax(x, dim=-1)
        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))
        nll_loss = nll_loss.squeeze(1)
        smooth_loss = -logprobs.mean(dim=-1)
        loss = confidence * nll_loss + smoothing * smooth_loss
        return loss.mean()
    else:
        return F.cross_entropy(x, target)

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, smoothing: Optional[float]=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert smoothing < 1.0
        self.smoothing = smoothing
        self.confidence = 1.0 - smoothing

    def forward(self, x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return smoothed_loss(x, target, smoothing=self.smoothing, confidence=self.confidence)
