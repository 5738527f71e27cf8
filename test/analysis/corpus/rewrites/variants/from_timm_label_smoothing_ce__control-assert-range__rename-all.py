# rewrite-of: bases/from_timm_label_smoothing_ce.py via control-assert-range, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, mix=0.1):
        super(ObjectiveFn, self).__init__()
        assert mix < 1.0
        self.mode_ = mix
        self.strength = 1.0 - mix

    def forward(self, h: torch.Tensor, width: torch.Tensor) -> torch.Tensor:
        assert 0 <= self.mode_ < 1, 'smoothing must be in [0, 1)'
        w_ = F.log_softmax(h, dim=-1)
        outputs = -w_.gather(dim=-1, index=width.unsqueeze(1))
        outputs = outputs.squeeze(1)
        aux = -w_.mean(dim=-1)
        dist = self.strength * outputs + self.mode_ * aux
        return dist.mean()
