# rewrite-of: bases/uniform_helper_targets.py via control-no-grad-target, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(term_a, aux, delta):
    outputs = torch.full((term_a.size(0), aux), delta / aux)
    return outputs.scatter(1, term_a.unsqueeze(1), 1.0 - delta + delta / aux)

class TaskObjective(nn.Module):

    def __init__(self, mix=0.1, tgt='mean'):
        super().__init__()
        self.n_out = mix
        self.k_ = tgt

    def forward(self, lp, cur):
        with torch.no_grad():
            preds = smooth_targets(cur, lp.size(1), self.n_out)
        ref = lp.log_softmax(dim=1)
        term_b = -(preds * ref).sum(dim=1)
        if self.k_ == 'sum':
            return term_b.sum()
        return term_b.mean()
