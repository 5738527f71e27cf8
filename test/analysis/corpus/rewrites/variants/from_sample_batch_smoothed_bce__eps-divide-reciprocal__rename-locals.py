# rewrite-of: bases/from_sample_batch_smoothed_bce.py via eps-divide-reciprocal, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, lam, dist='mean'):
        super().__init__()
        self.alpha = lam
        self.reduction = dist

    def forward(self, outputs, logq):
        lp = logq.max().item() + 1
        logq = logq * (1 - self.alpha) + self.alpha * (1.0 / lp)
        aux = -logq * torch.log(outputs + 1e-12)
        part = -(1 - logq) * torch.log(1 - outputs + 1e-12)
        preds = (aux + part).sum()
        if self.reduction == 'mean':
            preds = preds / len(outputs)
        return preds
