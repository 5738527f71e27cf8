# rewrite-of: bases/from_sample_batch_smoothed_bce.py via guard-training, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, beta, h='mean'):
        super().__init__()
        self.mix = beta
        self.scale_ = h

    def forward(self, depth, buf):
        if self.training:
            size_ = buf.max().item() + 1
            buf = buf * (1 - self.mix) + self.mix / size_
            mat = -buf * torch.log(depth + 1e-12)
            part = -(1 - buf) * torch.log(1 - depth + 1e-12)
            gold = (mat + part).sum()
            if self.scale_ == 'mean':
                gold = gold / len(depth)
            return gold
        else:
            return F.binary_cross_entropy(depth, buf)
