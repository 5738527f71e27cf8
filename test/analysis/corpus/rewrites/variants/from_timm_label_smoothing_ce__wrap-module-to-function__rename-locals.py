# rewrite-of: bases/from_timm_label_smoothing_ce.py via wrap-module-to-function, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(z, cur, outputs, delta):
    vec = F.log_softmax(z, dim=-1)
    labels = -vec.gather(dim=-1, index=cur.unsqueeze(1))
    labels = labels.squeeze(1)
    lp = -vec.mean(dim=-1)
    term_a = outputs * labels + delta * lp
    return term_a.mean()

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, amount=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert amount < 1.0
        self.smoothing = amount
        self.confidence = 1.0 - amount

    def forward(self, b0: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        return smoothed_loss(b0, tgt, outputs=self.confidence, delta=self.smoothing)
