# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-no-grad-target, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, coef, width='mean'):
        super().__init__()
        self.alpha = coef
        self.reduction = width

    def forward(self, inp, labels):
        prev = labels.max().item() + 1
        with torch.no_grad():
            labels = labels * (1 - self.alpha) + self.alpha / prev
        cur = -labels * torch.log(inp + 1e-12)
        depth = -(1 - labels) * torch.log(1 - inp + 1e-12)
        vec = (cur + depth).sum()
        if self.reduction == 'mean':
            vec = vec / len(inp)
        return vec
