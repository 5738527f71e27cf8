# rewrite-of: bases/from_timm_label_smoothing_ce.py via prep-labels-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, alpha=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert alpha < 1.0
        self.smoothing = alpha
        self.confidence = 1.0 - alpha

    def forward(self, lp: torch.Tensor, emb: torch.Tensor) -> torch.Tensor:
        emb = emb.view(-1)
        inp = F.log_softmax(lp, dim=-1)
        nxt = -inp.gather(dim=-1, index=emb.unsqueeze(1))
        nxt = nxt.squeeze(1)
        vec = -inp.mean(dim=-1)
        store = self.confidence * nxt + self.smoothing * vec
        return store.mean()
