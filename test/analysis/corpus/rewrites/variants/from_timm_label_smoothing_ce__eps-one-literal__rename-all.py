# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-one-literal, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, tau=0.1):
        super(CriterionA, self).__init__()
        assert tau < 1.0
        self.alpha = tau
        self.red = 1 - tau

    def forward(self, h: torch.Tensor, emb: torch.Tensor) -> torch.Tensor:
        logq = F.log_softmax(h, dim=-1)
        width = -logq.gather(dim=-1, index=emb.unsqueeze(1))
        width = width.squeeze(1)
        ref = -logq.mean(dim=-1)
        store = self.red * width + self.alpha * ref
        return store.mean()
