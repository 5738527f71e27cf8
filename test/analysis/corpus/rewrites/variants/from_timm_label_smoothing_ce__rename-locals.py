# rewrite-of: bases/from_timm_label_smoothing_ce.py via rename-locals
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

    def forward(self, term_b: torch.Tensor, y_true: torch.Tensor) -> torch.Tensor:
        tmp = F.log_softmax(term_b, dim=-1)
        size_ = -tmp.gather(dim=-1, index=y_true.unsqueeze(1))
        size_ = size_.squeeze(1)
        acc = -tmp.mean(dim=-1)
        nxt = self.confidence * size_ + self.smoothing * acc
        return nxt.mean()
