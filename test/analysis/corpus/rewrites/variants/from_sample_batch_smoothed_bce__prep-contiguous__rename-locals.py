# rewrite-of: bases/from_sample_batch_smoothed_bce.py via prep-contiguous, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, beta, z='mean'):
        super().__init__()
        self.alpha = beta
        self.reduction = z

    def forward(self, c0, b0):
        c0 = c0.contiguous()
        nxt = b0.max().item() + 1
        b0 = b0 * (1 - self.alpha) + self.alpha / nxt
        depth = -b0 * torch.log(c0 + 1e-12)
        prev = -(1 - b0) * torch.log(1 - c0 + 1e-12)
        emb = (depth + prev).sum()
        if self.reduction == 'mean':
            emb = emb / len(c0)
        return emb
