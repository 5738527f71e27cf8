# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-bounds, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, amount=0.1):
        amount = max(0.0, min(1.0, amount))
        super(ObjectiveFn, self).__init__()
        assert amount < 1.0
        self.mix = amount
        self.lossfn = 1.0 - amount

    def forward(self, logq: torch.Tensor, part: torch.Tensor) -> torch.Tensor:
        aux = F.log_softmax(logq, dim=-1)
        mat = -aux.gather(dim=-1, index=part.unsqueeze(1))
        mat = mat.squeeze(1)
        inp = -aux.mean(dim=-1)
        tmp = self.lossfn * mat + self.mix * inp
        return tmp.mean()
