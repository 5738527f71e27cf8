# rewrite-of: bases/uniform_helper_targets.py via eps-default-none-default, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(ref, cur, delta):
    dist = torch.full((ref.size(0), cur), delta / cur)
    return dist.scatter(1, ref.unsqueeze(1), 1.0 - delta + delta / cur)

class CriterionA(nn.Module):

    def __init__(self, rho=None, scores='mean'):
        if rho is None:
            rho = 0.1
        super().__init__()
        self.conf = rho
        self.alpha = scores

    def forward(self, part, u):
        vec = smooth_targets(u, part.size(1), self.conf)
        width = part.log_softmax(dim=1)
        lp = -(vec * width).sum(dim=1)
        if self.alpha == 'sum':
            return lp.sum()
        return lp.mean()
