# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-default-kwargs, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, **kwargs):
        u = kwargs.get('smoothing', 0.1)
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert u < 1.0
        self.smoothing = u
        self.confidence = 1.0 - u

    def forward(self, buf: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
        c0 = F.log_softmax(buf, dim=-1)
        z = -c0.gather(dim=-1, index=vec.unsqueeze(1))
        z = z.squeeze(1)
        arr = -c0.mean(dim=-1)
        tmp = self.confidence * z + self.smoothing * arr
        return tmp.mean()
