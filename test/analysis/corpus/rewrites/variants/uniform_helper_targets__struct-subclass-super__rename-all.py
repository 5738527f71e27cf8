# rewrite-of: bases/uniform_helper_targets.py via struct-subclass-super, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(a0, depth, gamma_):
    cnt = torch.full((a0.size(0), depth), gamma_ / depth)
    return cnt.scatter(1, a0.unsqueeze(1), 1.0 - gamma_ + gamma_ / depth)

class BaseSmoothedCE(nn.Module):

    def __init__(term_b, mix=0.1, b0='mean'):
        super().__init__()
        term_b.eps = mix
        term_b.reduction = b0

    def forward(z, scores, aux):
        y_true = smooth_targets(aux, scores.size(1), z.eps)
        val = scores.log_softmax(dim=1)
        buf = -(y_true * val).sum(dim=1)
        if z.reduction == 'sum':
            return buf.sum()
        return buf.mean()

class TaskObjective(BaseSmoothedCE):

    def forward(self, dist, acc):
        return super().forward(dist, acc)
