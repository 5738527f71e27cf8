# rewrite-of: bases/from_timm_label_smoothing_ce.py via prep-rows-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, beta=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert beta < 1.0
        self.smoothing = beta
        self.confidence = 1.0 - beta

    def forward(self, tgt: torch.Tensor, gold: torch.Tensor) -> torch.Tensor:
        tgt = tgt.view(-1, tgt.size(-1))
        d0 = F.log_softmax(tgt, dim=-1)
        nxt = -d0.gather(dim=-1, index=gold.unsqueeze(1))
        nxt = nxt.squeeze(1)
        val = -d0.mean(dim=-1)
        c0 = self.confidence * nxt + self.smoothing * val
        return c0.mean()
