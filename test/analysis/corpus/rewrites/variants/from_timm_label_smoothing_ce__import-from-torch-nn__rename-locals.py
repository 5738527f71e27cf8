# rewrite-of: bases/from_timm_label_smoothing_ce.py via import-from-torch-nn, rename-locals
import torch
from torch import nn as tnn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(tnn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, gamma_=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert gamma_ < 1.0
        self.smoothing = gamma_
        self.confidence = 1.0 - gamma_

    def forward(self, tgt: torch.Tensor, prev: torch.Tensor) -> torch.Tensor:
        d0 = F.log_softmax(tgt, dim=-1)
        labels = -d0.gather(dim=-1, index=prev.unsqueeze(1))
        labels = labels.squeeze(1)
        cnt = -d0.mean(dim=-1)
        scores = self.confidence * labels + self.smoothing * cnt
        return scores.mean()
