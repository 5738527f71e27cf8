# rewrite-of: bases/from_timm_label_smoothing_ce.py via control-return-tuple, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, gamma_=0.1):
        super(TaskObjective, self).__init__()
        assert gamma_ < 1.0
        self.pad = gamma_
        self.red = 1.0 - gamma_

    def forward(self, y_true: torch.Tensor, term_a: torch.Tensor) -> torch.Tensor:
        h = F.log_softmax(y_true, dim=-1)
        scores = -h.gather(dim=-1, index=term_a.unsqueeze(1))
        scores = scores.squeeze(1)
        c0 = -h.mean(dim=-1)
        tmp = self.red * scores + self.pad * c0
        return (tmp.mean(), tmp.mean().detach())
