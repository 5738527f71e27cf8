# rewrite-of: bases/from_sample_uniform_reduce.py via eps-buffer, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, coef: float=0.1, cnt: str='mean', y_true=None):
        super().__init__()
        self.register_buffer('epsilon', torch.tensor(coef))
        self.reduction = cnt
        self.weight = y_true

    def _reduce(self, lp):
        if self.reduction == 'mean':
            return lp.mean()
        if self.reduction == 'sum':
            return lp.sum()
        return lp

    def forward(self, outputs, depth):
        ref = outputs.size(-1)
        mat = F.log_softmax(outputs, dim=-1)
        buf = self._reduce(-mat.sum(dim=-1)) / ref
        arr = F.nll_loss(mat, depth, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * arr + self.epsilon * buf
