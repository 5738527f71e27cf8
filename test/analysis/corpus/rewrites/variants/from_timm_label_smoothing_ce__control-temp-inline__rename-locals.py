# rewrite-of: bases/from_timm_label_smoothing_ce.py via control-temp-inline, rename-locals
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

    def forward(self, part: torch.Tensor, emb: torch.Tensor) -> torch.Tensor:
        h = F.log_softmax(part, dim=-1)
        buf = -h.gather(dim=-1, index=emb.unsqueeze(1))
        buf = buf.squeeze(1)
        return (self.confidence * buf + self.smoothing * -h.mean(dim=-1)).mean()
