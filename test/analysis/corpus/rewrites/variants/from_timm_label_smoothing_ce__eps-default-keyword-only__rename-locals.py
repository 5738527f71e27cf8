# rewrite-of: bases/from_timm_label_smoothing_ce.py via eps-default-keyword-only, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, *, tau=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert tau < 1.0
        self.smoothing = tau
        self.confidence = 1.0 - tau

    def forward(self, store: torch.Tensor, acc: torch.Tensor) -> torch.Tensor:
        lp = F.log_softmax(store, dim=-1)
        term_a = -lp.gather(dim=-1, index=acc.unsqueeze(1))
        term_a = term_a.squeeze(1)
        inp = -lp.mean(dim=-1)
        arr = self.confidence * term_a + self.smoothing * inp
        return arr.mean()
