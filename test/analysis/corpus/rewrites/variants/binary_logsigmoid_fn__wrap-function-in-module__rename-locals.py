# rewrite-of: bases/binary_logsigmoid_fn.py via wrap-function-in-module, rename-locals
import torch
import torch.nn.functional as F
import torch.nn as nn

def smoothed_bce_loss(h, u, gamma_=0.1):
    inp = u * (1 - gamma_) + 0.5 * gamma_
    vec = inp * F.logsigmoid(h)
    d0 = (1 - inp) * F.logsigmoid(-h)
    return -(vec + d0).sum()

class SmoothedBceLossLoss(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha

    def forward(self, z, emb):
        return smoothed_bce_loss(z, emb, gamma_=self.smoothing)
