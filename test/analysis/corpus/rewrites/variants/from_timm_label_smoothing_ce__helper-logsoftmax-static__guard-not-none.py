# rewrite-of: bases/from_timm_label_smoothing_ce.py via helper-logsoftmax-static, guard-not-none
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, smoothing: Optional[float]=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert smoothing < 1.0
        self.smoothing = smoothing
        self.confidence = 1.0 - smoothing

    @staticmethod
    def normalize_logits(scores):
        return F.log_softmax(scores, dim=-1)

    def forward(self, x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        if self.smoothing is not None:
            logprobs = self.normalize_logits(x)
            nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))
            nll_loss = nll_loss.squeeze(1)
            smooth_loss = -logprobs.mean(dim=-1)
            loss = self.confidence * nll_loss + self.smoothing * smooth_loss
            return loss.mean()
        else:
            return F.cross_entropy(x, target)
