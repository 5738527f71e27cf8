# rewrite-of: bases/from_sample_uniform_reduce.py via import-qualified, rename-locals
import torch
import torch.nn
import torch.nn.functional

class LabelSmoothingLoss(torch.nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, rho: float=0.1, val: str='mean', labels=None):
        super().__init__()
        self.epsilon = rho
        self.reduction = val
        self.weight = labels

    def _reduce(self, size_):
        if self.reduction == 'mean':
            return size_.mean()
        if self.reduction == 'sum':
            return size_.sum()
        return size_

    def forward(self, z, d0):
        buf = z.size(-1)
        preds = torch.nn.functional.log_softmax(z, dim=-1)
        outputs = self._reduce(-preds.sum(dim=-1)) / buf
        part = torch.nn.functional.nll_loss(preds, d0, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * part + self.epsilon * outputs
