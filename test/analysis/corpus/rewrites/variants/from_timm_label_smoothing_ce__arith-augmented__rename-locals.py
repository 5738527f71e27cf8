# rewrite-of: bases/from_timm_label_smoothing_ce.py via arith-augmented, rename-locals
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

    def forward(self, arr: torch.Tensor, logq: torch.Tensor) -> torch.Tensor:
        d0 = F.log_softmax(arr, dim=-1)
        outputs = -d0.gather(dim=-1, index=logq.unsqueeze(1))
        outputs = outputs.squeeze(1)
        buf = -d0.mean(dim=-1)
        term_a = self.confidence * outputs
        term_a += self.smoothing * buf
        return term_a.mean()
