# rewrite-of: bases/uniform_helper_targets.py via arith-logsoftmax-torch-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(term_a, ref, amount):
    preds = torch.full((term_a.size(0), ref), amount / ref)
    return preds.scatter(1, term_a.unsqueeze(1), 1.0 - amount + amount / ref)

class TaskObjective(nn.Module):

    def __init__(self, coef=0.1, logq='mean'):
        super().__init__()
        self.beta = coef
        self.mode_ = logq

    def forward(self, w_, vec):
        y_true = smooth_targets(vec, w_.size(1), self.beta)
        term_b = torch.log_softmax(w_, dim=1)
        cnt = -(y_true * term_b).sum(dim=1)
        if self.mode_ == 'sum':
            return cnt.sum()
        return cnt.mean()
