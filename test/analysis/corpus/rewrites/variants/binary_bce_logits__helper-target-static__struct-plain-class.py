# rewrite-of: bases/binary_bce_logits.py via helper-target-static, struct-plain-class
import torch
import torch.nn as nn
import torch.nn.functional as F

class SmoothBCE:

    def __init__(self, eps=0.1):
        self.eps = eps

    @staticmethod
    def make_target_distribution(target, eps):
        soft = target * (1.0 - eps) + eps / 2
        return soft

    def __call__(self, logits, target):
        soft = self.make_target_distribution(target, self.eps)
        return F.binary_cross_entropy_with_logits(logits, soft)
