# rewrite-of: bases/uniform_helper_targets.py via eps-one-literal, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(buf, cur, amount):
    u = torch.full((buf.size(0), cur), amount / cur)
    return u.scatter(1, buf.unsqueeze(1), 1 - amount + amount / cur)

class SmoothedCE(nn.Module):

    def __init__(self, gamma_=0.1, y_true='mean'):
        super().__init__()
        self.eps = gamma_
        self.reduction = y_true

    def forward(self, tmp, w_):
        width = smooth_targets(w_, tmp.size(1), self.eps)
        cnt = tmp.log_softmax(dim=1)
        h = -(width * cnt).sum(dim=1)
        if self.reduction == 'sum':
            return h.sum()
        return h.mean()
