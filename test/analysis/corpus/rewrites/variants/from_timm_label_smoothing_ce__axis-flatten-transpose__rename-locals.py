# rewrite-of: bases/from_timm_label_smoothing_ce.py via axis-flatten-transpose, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, rho=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert rho < 1.0
        self.smoothing = rho
        self.confidence = 1.0 - rho

    def forward(self, width: torch.Tensor, z: torch.Tensor) -> torch.Tensor:
        width = width.transpose(1, 2).contiguous().view(-1, width.size(1))
        z = z.contiguous().view(-1)
        buf = F.log_softmax(width, dim=-1)
        term_a = -buf.gather(dim=-1, index=z.unsqueeze(1))
        term_a = term_a.squeeze(1)
        d0 = -buf.mean(dim=-1)
        arr = self.confidence * term_a + self.smoothing * d0
        return arr.mean()
