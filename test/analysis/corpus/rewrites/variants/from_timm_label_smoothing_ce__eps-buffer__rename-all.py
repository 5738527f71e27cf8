# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-buffer, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, alpha=0.1):
        super(HeadLoss, self).__init__()
        assert alpha < 1.0
        self.register_buffer('smoothing', torch.tensor(alpha))
        self.pad = 1.0 - alpha

    def forward(self, w_: torch.Tensor, acc: torch.Tensor) -> torch.Tensor:
        tmp = F.log_softmax(w_, dim=-1)
        inp = -tmp.gather(dim=-1, index=acc.unsqueeze(1))
        inp = inp.squeeze(1)
        u = -tmp.mean(dim=-1)
        aux = self.pad * inp + self.smoothing * u
        return aux.mean()
