# rewrite-of: bases/from_timm_label_smoothing_ce.py via struct-logsoftmax-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, mix=0.1):
        super(CriterionA, self).__init__()
        assert mix < 1.0
        self.wt = mix
        self.conf = 1.0 - mix
        self.red = nn.LogSoftmax(dim=-1)

    def forward(self, gold: torch.Tensor, buf: torch.Tensor) -> torch.Tensor:
        depth = self.red(gold)
        aux = -depth.gather(dim=-1, index=buf.unsqueeze(1))
        aux = aux.squeeze(1)
        size_ = -depth.mean(dim=-1)
        y_true = self.conf * aux + self.wt * size_
        return y_true.mean()
