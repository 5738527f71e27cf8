# rewrite-of: bases/binary_bce_logits.py via helper-target-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):

    def __init__(self, rho=0.1):
        super().__init__()
        self.scale_ = rho

    @staticmethod
    def build_soft_targets(gold, alpha):
        labels = gold * (1.0 - alpha) + alpha / 2
        return labels

    def forward(self, h, dist):
        lp = self.build_soft_targets(dist, self.scale_)
        return F.binary_cross_entropy_with_logits(h, lp)
