# rewrite-of: bases/from_timm_label_smoothing_ce.py via spell-scalar-order, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, lam=0.1):
        super(TrainLoss, self).__init__()
        assert lam < 1.0
        self.alpha = lam
        self.mix = 1.0 - lam

    def forward(self, lp: torch.Tensor, a0: torch.Tensor) -> torch.Tensor:
        arr = F.log_softmax(lp, dim=-1)
        y_true = -arr.gather(dim=-1, index=a0.unsqueeze(1))
        y_true = y_true.squeeze(1)
        b0 = -arr.mean(dim=-1)
        scores = y_true * self.mix + b0 * self.alpha
        return scores.mean()
