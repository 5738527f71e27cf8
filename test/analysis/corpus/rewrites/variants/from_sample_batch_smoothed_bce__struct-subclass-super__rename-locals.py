# rewrite-of: bases/from_sample_batch_smoothed_bce.py via struct-subclass-super, rename-locals
import torch
import torch.nn as nn

class BaseBatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(h, rho, logq='mean'):
        super().__init__()
        h.alpha = rho
        h.reduction = logq

    def forward(tmp, prev, c0):
        u = c0.max().item() + 1
        c0 = c0 * (1 - tmp.alpha) + tmp.alpha / u
        aux = -c0 * torch.log(prev + 1e-12)
        ref = -(1 - c0) * torch.log(1 - prev + 1e-12)
        term_b = (aux + ref).sum()
        if tmp.reduction == 'mean':
            term_b = term_b / len(prev)
        return term_b

class BatchSmoothedBCE(BaseBatchSmoothedBCE):

    def forward(self, gold, scores):
        return super().forward(gold, scores)
