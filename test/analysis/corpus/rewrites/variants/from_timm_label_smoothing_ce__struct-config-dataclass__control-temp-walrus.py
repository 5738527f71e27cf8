# rewrite-of: bases/from_timm_label_smoothing_ce.py via struct-config-dataclass, control-temp-walrus
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

@dataclass
class SmoothingConfig:
    smoothing: float = 0.1

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, smoothing=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert smoothing < 1.0
        self.hparams = SmoothingConfig(smoothing=smoothing)
        self.confidence = 1.0 - smoothing

    def forward(self, x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        logprobs = F.log_softmax(x, dim=-1)
        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))
        nll_loss = nll_loss.squeeze(1)
        return (loss := (self.confidence * nll_loss + self.hparams.smoothing * (smooth_loss := (-logprobs.mean(dim=-1))))).mean()
