# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-default-or-default, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(x, target, confidence, smoothing):
    logprobs = F.log_softmax(x, dim=-1)
    nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))
    nll_loss = nll_loss.squeeze(1)
    smooth_loss = -logprobs.mean(dim=-1)
    loss = confidence * nll_loss + smoothing * smooth_loss
    return loss.mean()

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, smoothing=None):
        smoothing = smoothing or 0.1
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert smoothing < 1.0
        self.smoothing = smoothing
        self.confidence = 1.0 - smoothing

    def forward(self, x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        return smoothed_loss(x, target, confidence=self.confidence, smoothing=self.smoothing)
