# rewrite-of: bases/from_timm_label_smoothing_ce.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, gamma_=0.1):
        super(CriterionA, self).__init__()
        assert gamma_ < 1.0
        self.strength = gamma_
        self.mode_ = 1.0 - gamma_

    def forward(self, acc: torch.Tensor, prev: torch.Tensor) -> torch.Tensor:
        labels = F.log_softmax(acc, dim=-1)
        w_ = -labels.gather(dim=-1, index=prev.unsqueeze(1))
        w_ = w_.squeeze(1)
        val = -labels.mean(dim=-1)
        emb = self.mode_ * w_ + self.strength * val
        return emb.mean()
