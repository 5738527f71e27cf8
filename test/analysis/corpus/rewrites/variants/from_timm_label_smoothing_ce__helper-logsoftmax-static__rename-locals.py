# rewrite-of: bases/from_timm_label_smoothing_ce.py via helper-logsoftmax-static, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, lam=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert lam < 1.0
        self.smoothing = lam
        self.confidence = 1.0 - lam

    @staticmethod
    def log_probabilities(aux):
        return F.log_softmax(aux, dim=-1)

    def forward(self, emb: torch.Tensor, w_: torch.Tensor) -> torch.Tensor:
        size_ = self.log_probabilities(emb)
        dist = -size_.gather(dim=-1, index=w_.unsqueeze(1))
        dist = dist.squeeze(1)
        nxt = -size_.mean(dim=-1)
        width = self.confidence * dist + self.smoothing * nxt
        return width.mean()
