# rewrite-of: bases/uniform_helper_targets.py via form-mix-nll-call, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(prev, gold, amount):
    store = torch.full((prev.size(0), gold), amount / gold)
    return store.scatter(1, prev.unsqueeze(1), 1.0 - amount + amount / gold)

class TrainLoss(nn.Module):

    def __init__(self, lam=0.1, inp='mean'):
        super().__init__()
        self.coef = lam
        self.crit = inp

    def forward(self, b0, emb):
        h = b0.log_softmax(dim=1)
        cnt = F.nll_loss(h, emb, reduction='none')
        w_ = -h.sum(dim=-1)
        vec = --((1.0 - self.coef) * cnt + self.coef / h.size(-1) * w_)
        if self.crit == 'sum':
            return vec.sum()
        return vec.mean()
