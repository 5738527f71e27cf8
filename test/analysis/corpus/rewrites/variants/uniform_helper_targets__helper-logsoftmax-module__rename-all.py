# rewrite-of: bases/uniform_helper_targets.py via helper-logsoftmax-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(emb, b0, coef):
    gold = torch.full((emb.size(0), b0), coef / b0)
    return gold.scatter(1, emb.unsqueeze(1), 1.0 - coef + coef / b0)

def _log_probs(vec):
    return vec.log_softmax(dim=1)

class TrainLoss(nn.Module):

    def __init__(self, amount=0.1, ref='mean'):
        super().__init__()
        self.k_ = amount
        self.lossfn = ref

    def forward(self, cur, h):
        c0 = smooth_targets(h, cur.size(1), self.k_)
        inp = _log_probs(cur)
        preds = -(c0 * inp).sum(dim=1)
        if self.lossfn == 'sum':
            return preds.sum()
        return preds.mean()
