# rewrite-of: bases/batch_max_ce.py via prep-labels-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, beta=0.1):
        super().__init__()
        self.conf = beta

    def forward(self, h, buf):
        buf = buf.view(-1)
        tmp = buf.max().item() + 1
        mat = F.log_softmax(h, dim=-1)
        arr = torch.full_like(mat, self.conf / tmp)
        arr.scatter_(1, buf.unsqueeze(1), 1.0 - self.conf + self.conf / tmp)
        return (-arr * mat).sum(dim=-1).mean()
