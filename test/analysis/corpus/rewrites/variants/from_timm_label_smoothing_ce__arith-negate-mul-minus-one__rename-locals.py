# rewrite-of: bases/from_timm_label_smoothing_ce.py via arith-negate-mul-minus-one, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, coef=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert coef < 1.0
        self.smoothing = coef
        self.confidence = 1.0 - coef

    def forward(self, width: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        gold = F.log_softmax(width, dim=-1)
        nxt = -1.0 * gold.gather(dim=-1, index=labels.unsqueeze(1))
        nxt = nxt.squeeze(1)
        buf = -1.0 * gold.mean(dim=-1)
        cur = self.confidence * nxt + self.smoothing * buf
        return cur.mean()
