# rewrite-of: bases/from_timm_label_smoothing_ce.py via control-temp-walrus, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, rho=0.1):
        super(CriterionA, self).__init__()
        assert rho < 1.0
        self.beta = rho
        self.conf = 1.0 - rho

    def forward(self, z: torch.Tensor, logq: torch.Tensor) -> torch.Tensor:
        c0 = F.log_softmax(z, dim=-1)
        size_ = -c0.gather(dim=-1, index=logq.unsqueeze(1))
        size_ = size_.squeeze(1)
        return (aux := (self.conf * size_ + self.beta * (preds := (-c0.mean(dim=-1))))).mean()
