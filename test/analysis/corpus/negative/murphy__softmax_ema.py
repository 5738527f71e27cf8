# source: modelled on gregclinton/murphy/softmax.py@3c0bce133f082dcaf5aa99db2fa597c38b6bcbce (written for round b18b from the maths, not a copy)
# Exercises: log-softmax by hand, soft-target cross-entropy against given distributions, an EMA of weights.
import copy

import torch
import torch.nn.functional as F


def log_softmax(x):
    x = x - x.max(dim=1, keepdim=True).values
    return x - x.exp().sum(dim=1, keepdim=True).log()


def softmax_cross_entropy_with_logits(x, y):
    # y: rows that already are distributions (e.g. annotator votes)
    return torch.stack([-y[i].dot(lsm) for i, lsm in enumerate(log_softmax(x))])


class EMA:
    def __init__(self, model, decay=0.999):
        self.shadow = copy.deepcopy(model).eval()
        self.decay = decay

    @torch.no_grad()
    def update(self, model):
        for s, p in zip(self.shadow.parameters(), model.parameters()):
            s.mul_(self.decay).add_(p.detach(), alpha=1 - self.decay)


def interpolate_logits(a, b, t=0.5):
    return (1 - t) * a + t * F.log_softmax(b, dim=-1)
