# rewrite-of: bases/from_timm_label_smoothing_ce.py via axis-flatten-permute, rename-locals
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

    def forward(self, a0: torch.Tensor, y_true: torch.Tensor) -> torch.Tensor:
        a0 = a0.permute(0, 2, 1).reshape(-1, a0.size(1))
        y_true = y_true.reshape(-1)
        c0 = F.log_softmax(a0, dim=-1)
        ref = -c0.gather(dim=-1, index=y_true.unsqueeze(1))
        ref = ref.squeeze(1)
        labels = -c0.mean(dim=-1)
        term_a = self.confidence * ref + self.smoothing * labels
        return term_a.mean()
