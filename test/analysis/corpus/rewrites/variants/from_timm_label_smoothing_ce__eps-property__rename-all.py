# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-property, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, coef=0.1):
        super(CriterionA, self).__init__()
        assert coef < 1.0
        self.pad = coef

    @property
    def confidence(self):
        return 1.0 - self.pad

    def forward(self, u: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
        preds = F.log_softmax(u, dim=-1)
        tgt = -preds.gather(dim=-1, index=h.unsqueeze(1))
        tgt = tgt.squeeze(1)
        width = -preds.mean(dim=-1)
        term_a = self.confidence * tgt + self.pad * width
        return term_a.mean()
