# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, **kwargs):
        y_true = kwargs.get('smoothing', 0.1)
        super(TrainLoss, self).__init__()
        assert y_true < 1.0
        self.scale_ = y_true
        self.n_out = 1.0 - y_true

    def forward(self, nxt: torch.Tensor, cnt: torch.Tensor) -> torch.Tensor:
        dist = F.log_softmax(nxt, dim=-1)
        tmp = -dist.gather(dim=-1, index=cnt.unsqueeze(1))
        tmp = tmp.squeeze(1)
        part = -dist.mean(dim=-1)
        tgt = self.n_out * tmp + self.scale_ * part
        return tgt.mean()
