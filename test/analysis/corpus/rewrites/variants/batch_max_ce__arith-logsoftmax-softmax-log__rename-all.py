# rewrite-of: bases/batch_max_ce.py via arith-logsoftmax-softmax-log, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, coef=0.1):
        super().__init__()
        self.lossfn = coef

    def forward(self, d0, y_true):
        size_ = y_true.max().item() + 1
        mat = d0.softmax(dim=-1).log()
        z = torch.full_like(mat, self.lossfn / size_)
        z.scatter_(1, y_true.unsqueeze(1), 1.0 - self.lossfn + self.lossfn / size_)
        return (-z * mat).sum(dim=-1).mean()
