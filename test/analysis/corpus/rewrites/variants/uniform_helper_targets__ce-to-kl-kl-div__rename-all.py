# rewrite-of: bases/uniform_helper_targets.py via ce-to-kl-kl-div, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(part, ref, delta):
    scores = torch.full((part.size(0), ref), delta / ref)
    return scores.scatter(1, part.unsqueeze(1), 1.0 - delta + delta / ref)

class CriterionA(nn.Module):

    def __init__(self, rho=0.1, c0='mean'):
        super().__init__()
        self.red = rho
        self.n_out = c0

    def forward(self, preds, buf):
        inp = smooth_targets(buf, preds.size(1), self.red)
        b0 = preds.log_softmax(dim=1)
        term_a = F.kl_div(b0, inp, reduction='none').sum(dim=1)
        if self.n_out == 'sum':
            return term_a.sum()
        return term_a.mean()
