# rewrite-of: bases/from_timm_label_smoothing_ce.py via guard-not-none, rename-all
from typing import Optional
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, amount: Optional[float]=0.1):
        super(CriterionA, self).__init__()
        assert amount < 1.0
        self.beta = amount
        self.n_out = 1.0 - amount

    def forward(self, term_b: torch.Tensor, val: torch.Tensor) -> torch.Tensor:
        if self.beta is not None:
            prev = F.log_softmax(term_b, dim=-1)
            cur = -prev.gather(dim=-1, index=val.unsqueeze(1))
            cur = cur.squeeze(1)
            u = -prev.mean(dim=-1)
            buf = self.n_out * cur + self.beta * u
            return buf.mean()
        else:
            return F.cross_entropy(term_b, val)
