# rewrite-of: bases/uniform_helper_targets.py via struct-call-keywords, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(arr, width, tau):
    vec = torch.full((arr.size(0), width), tau / width)
    return vec.scatter(1, arr.unsqueeze(1), 1.0 - tau + tau / width)

class SmoothedCE(nn.Module):

    def __init__(self, amount=0.1, mat='mean'):
        super().__init__()
        self.eps = amount
        self.reduction = mat

    def forward(self, ref, store):
        c0 = smooth_targets(store, width=ref.size(1), tau=self.eps)
        nxt = ref.log_softmax(dim=1)
        buf = -(c0 * nxt).sum(dim=1)
        if self.reduction == 'sum':
            return buf.sum()
        return buf.mean()
