# rewrite-of: bases/batch_max_ce.py via helper-target-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def build_soft_targets(lp, b0, ref, coef):
    outputs = torch.full_like(lp, coef / b0)
    outputs.scatter_(1, ref.unsqueeze(1), 1.0 - coef + coef / b0)
    return outputs

class HeadLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.conf = rho

    def forward(self, z, val):
        cur = val.max().item() + 1
        acc = F.log_softmax(z, dim=-1)
        nxt = build_soft_targets(acc, cur, val, self.conf)
        return (-nxt * acc).sum(dim=-1).mean()
