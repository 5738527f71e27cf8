# rewrite-of: bases/uniform_kl.py via arith-fill-ones-mul, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.coef = lam

    def forward(self, y_true, logq):
        nxt = torch.log_softmax(y_true, dim=-1)
        ref = y_true.size(-1)
        c0 = torch.ones_like(nxt) * (self.coef / ref)
        c0.scatter_(1, logq.unsqueeze(1), 1.0 - self.coef + self.coef / ref)
        return F.kl_div(nxt, c0, reduction='batchmean')
