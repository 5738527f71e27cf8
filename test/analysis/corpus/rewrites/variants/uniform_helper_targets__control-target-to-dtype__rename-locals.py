# rewrite-of: bases/uniform_helper_targets.py via control-target-to-dtype, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(y_true, term_a, amount):
    tmp = torch.full((y_true.size(0), term_a), amount / term_a)
    return tmp.scatter(1, y_true.unsqueeze(1), 1.0 - amount + amount / term_a)

class SmoothedCE(nn.Module):

    def __init__(self, delta=0.1, prev='mean'):
        super().__init__()
        self.eps = delta
        self.reduction = prev

    def forward(self, nxt, mat):
        term_b = smooth_targets(mat, nxt.size(1), self.eps)
        term_b = term_b.to(nxt.dtype)
        h = nxt.log_softmax(dim=1)
        outputs = -(term_b * h).sum(dim=1)
        if self.reduction == 'sum':
            return outputs.sum()
        return outputs.mean()
