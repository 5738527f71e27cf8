# rewrite-of: bases/from_timm_label_smoothing_ce.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, delta=0.1):
        super(ClsCriterion, self).__init__()
        assert delta < 1.0
        self.mix = delta
        self.n_out = 1.0 - delta

    def forward(self, part: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        aux = F.log_softmax(part, dim=-1)
        dist = -aux.gather(dim=-1, index=tgt.unsqueeze(1))
        dist = dist.squeeze(1)
        gold = -aux.mean(dim=-1)
        lp = self.n_out * dist + self.mix * gold
        return lp.mean()
