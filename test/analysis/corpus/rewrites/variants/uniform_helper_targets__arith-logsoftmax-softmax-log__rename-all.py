# rewrite-of: bases/uniform_helper_targets.py via arith-logsoftmax-softmax-log, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(nxt, buf, gamma_):
    width = torch.full((nxt.size(0), buf), gamma_ / buf)
    return width.scatter(1, nxt.unsqueeze(1), 1.0 - gamma_ + gamma_ / buf)

class MyLoss(nn.Module):

    def __init__(self, tau=0.1, term_a='mean'):
        super().__init__()
        self.mix = tau
        self.p0 = term_a

    def forward(self, u, prev):
        arr = smooth_targets(prev, u.size(1), self.mix)
        z = u.softmax(dim=1).log()
        cur = -(arr * z).sum(dim=1)
        if self.p0 == 'sum':
            return cur.sum()
        return cur.mean()
