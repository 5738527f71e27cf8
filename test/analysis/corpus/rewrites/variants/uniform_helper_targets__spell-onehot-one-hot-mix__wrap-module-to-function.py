# rewrite-of: bases/uniform_helper_targets.py via spell-onehot-one-hot-mix, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(target, num_classes, eps):
    q = torch.full((target.size(0), num_classes), eps / num_classes)
    return q * (1 - F.one_hot(target, q.size(-1)).to(q.dtype)) + (1.0 - eps + eps / num_classes) * F.one_hot(target, q.size(-1)).to(q.dtype)

def smoothed_loss(logits, target, eps, reduction):
    q = smooth_targets(target, logits.size(1), eps)
    logp = logits.log_softmax(dim=1)
    loss = -(q * logp).sum(dim=1)
    if reduction == 'sum':
        return loss.sum()
    return loss.mean()

class SmoothedCE(nn.Module):

    def __init__(self, eps=0.1, reduction='mean'):
        super().__init__()
        self.eps = eps
        self.reduction = reduction

    def forward(self, logits, target):
        return smoothed_loss(logits, target, eps=self.eps, reduction=self.reduction)
