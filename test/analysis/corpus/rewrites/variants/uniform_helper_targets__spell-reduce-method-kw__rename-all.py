# rewrite-of: bases/uniform_helper_targets.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(z, width, delta):
    labels = torch.full((z.size(0), width), delta / width)
    return labels.scatter(1, z.unsqueeze(1), 1.0 - delta + delta / width)

class TaskObjective(nn.Module):

    def __init__(self, rho=0.1, size_='mean'):
        super().__init__()
        self.beta = rho
        self.mix = size_

    def forward(self, prev, vec):
        preds = smooth_targets(vec, prev.size(1), self.beta)
        mat = prev.log_softmax(dim=1)
        scores = -(preds * mat).sum(dim=1)
        if self.mix == 'sum':
            return scores.sum()
        return scores.mean()
