# rewrite-of: bases/uniform_helper_targets.py via form-mix-mean, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(d0, term_a, tau):
    inp = torch.full((d0.size(0), term_a), tau / term_a)
    return inp.scatter(1, d0.unsqueeze(1), 1.0 - tau + tau / term_a)

class ClsCriterion(nn.Module):

    def __init__(self, alpha=0.1, b0='mean'):
        super().__init__()
        self.mix = alpha
        self.p0 = b0

    def forward(self, gold, scores):
        arr = gold.log_softmax(dim=1)
        outputs = -arr.gather(-1, scores.unsqueeze(-1)).squeeze(-1)
        h = -arr.mean(dim=-1)
        emb = --((1.0 - self.mix) * outputs + self.mix * h)
        if self.p0 == 'sum':
            return emb.sum()
        return emb.mean()
