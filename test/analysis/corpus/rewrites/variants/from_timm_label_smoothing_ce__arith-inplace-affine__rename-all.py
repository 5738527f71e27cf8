# rewrite-of: bases/from_timm_label_smoothing_ce.py via arith-inplace-affine, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, delta=0.1):
        super(ObjectiveFn, self).__init__()
        assert delta < 1.0
        self.conf = delta
        self.mode_ = 1.0 - delta

    def forward(self, c0: torch.Tensor, depth: torch.Tensor) -> torch.Tensor:
        logq = F.log_softmax(c0, dim=-1)
        y_true = -logq.gather(dim=-1, index=depth.unsqueeze(1))
        y_true = y_true.squeeze(1)
        term_a = -logq.mean(dim=-1)
        emb = y_true.clone()
        emb.mul_(self.mode_)
        emb.add_(self.conf * term_a)
        return emb.mean()
