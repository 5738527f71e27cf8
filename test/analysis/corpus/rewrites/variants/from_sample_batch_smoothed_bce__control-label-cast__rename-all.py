# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-label-cast, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, lam, cnt='mean'):
        super().__init__()
        self.beta = lam
        self.mode_ = cnt

    def forward(self, labels, tgt):
        tgt = tgt.type_as(labels)
        ref = tgt.max().item() + 1
        tgt = tgt * (1 - self.beta) + self.beta / ref
        u = -tgt * torch.log(labels + 1e-12)
        outputs = -(1 - tgt) * torch.log(1 - labels + 1e-12)
        c0 = (u + outputs).sum()
        if self.mode_ == 'mean':
            c0 = c0 / len(labels)
        return c0
