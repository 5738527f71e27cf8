# rewrite-of: bases/batch_max_ce.py via arith-product-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, delta=0.1):
        super().__init__()
        self.alpha = delta

    def forward(self, inp, mat):
        lp = mat.max().item() + 1
        buf = F.log_softmax(inp, dim=-1)
        size_ = torch.full_like(buf, self.alpha / lp)
        size_.scatter_(1, mat.unsqueeze(1), 1.0 - self.alpha + self.alpha / lp)
        return buf.mul(-size_).sum(dim=-1).mean()
