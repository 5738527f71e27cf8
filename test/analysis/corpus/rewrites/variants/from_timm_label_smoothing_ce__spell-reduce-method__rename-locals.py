# rewrite-of: bases/from_timm_label_smoothing_ce.py via spell-reduce-method, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingCrossEntropy(nn.Module):
    """ NLL loss with label smoothing.
    """

    def __init__(self, delta=0.1):
        super(LabelSmoothingCrossEntropy, self).__init__()
        assert delta < 1.0
        self.smoothing = delta
        self.confidence = 1.0 - delta

    def forward(self, size_: torch.Tensor, vec: torch.Tensor) -> torch.Tensor:
        mat = F.log_softmax(size_, dim=-1)
        width = -mat.gather(dim=-1, index=vec.unsqueeze(1))
        width = width.squeeze(1)
        scores = -mat.mean(-1)
        tgt = self.confidence * width + self.smoothing * scores
        return tgt.mean()
