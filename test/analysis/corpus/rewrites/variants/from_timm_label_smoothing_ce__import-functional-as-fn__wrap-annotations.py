# rewrite-of: bases/from_timm_label_smoothing_ce.py via import-functional-as-fn, wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as fn
from torch import Tensor

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, smoothing: float=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert smoothing < 1.0
        self.smoothing = smoothing
        self.confidence = 1.0 - smoothing

    def forward(self, x: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        logprobs = fn.log_softmax(x, dim=-1)
        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))
        nll_loss = nll_loss.squeeze(1)
        smooth_loss = -logprobs.mean(dim=-1)
        loss = self.confidence * nll_loss + self.smoothing * smooth_loss
        return loss.mean()
