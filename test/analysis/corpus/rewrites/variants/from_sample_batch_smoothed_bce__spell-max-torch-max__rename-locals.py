# rewrite-of: bases/from_sample_batch_smoothed_bce.py via spell-max-torch-max, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, beta, width='mean'):
        super().__init__()
        self.alpha = beta
        self.reduction = width

    def forward(self, aux, ref):
        labels = torch.max(ref).item() + 1
        ref = ref * (1 - self.alpha) + self.alpha / labels
        h = -ref * torch.log(aux + 1e-12)
        logq = -(1 - ref) * torch.log(1 - aux + 1e-12)
        b0 = (h + logq).sum()
        if self.reduction == 'mean':
            b0 = b0 / len(aux)
        return b0
