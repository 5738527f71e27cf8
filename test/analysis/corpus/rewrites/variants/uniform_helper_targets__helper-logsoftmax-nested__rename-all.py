# rewrite-of: bases/uniform_helper_targets.py via helper-logsoftmax-nested, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(val, c0, mix):
    lp = torch.full((val.size(0), c0), mix / c0)
    return lp.scatter(1, val.unsqueeze(1), 1.0 - mix + mix / c0)

class TrainLoss(nn.Module):

    def __init__(self, gamma_=0.1, y_true='mean'):
        super().__init__()
        self.strength = gamma_
        self.pad = y_true

    def forward(self, prev, acc):

        def normalize_logits(part):
            return part.log_softmax(dim=1)
        cnt = smooth_targets(acc, prev.size(1), self.strength)
        logq = normalize_logits(prev)
        store = -(cnt * logq).sum(dim=1)
        if self.pad == 'sum':
            return store.sum()
        return store.mean()
