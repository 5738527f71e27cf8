# source: thangvubk/PESR/model/focal_loss.py@5b14586b797e76b971aeba6063632eb2ea50ebe5
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    def __init__(self, gamma):
        super(FocalLoss, self).__init__()
        self.gamma = gamma

    def forward(self, x, t):
        p = x.sigmoid()
        pt = p*t + (1-p)*(1-t)         # pt = p if t > 0 else 1-p
        w = (1-pt).pow(self.gamma)
        return F.binary_cross_entropy_with_logits(x, t, w)
