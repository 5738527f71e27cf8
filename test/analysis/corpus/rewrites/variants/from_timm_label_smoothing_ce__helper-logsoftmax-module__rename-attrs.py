# rewrite-of: bases/from_timm_label_smoothing_ce.py via helper-logsoftmax-module, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

def to_log_probs(z):
    return F.log_softmax(z, dim=-1)

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, smoothing=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert smoothing < 1.0
        self.scale_ = smoothing
        self.conf = 1.0 - smoothing

    def forward(self, x: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        logprobs = to_log_probs(x)
        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))
        nll_loss = nll_loss.squeeze(1)
        smooth_loss = -logprobs.mean(dim=-1)
        loss = self.conf * nll_loss + self.scale_ * smooth_loss
        return loss.mean()
