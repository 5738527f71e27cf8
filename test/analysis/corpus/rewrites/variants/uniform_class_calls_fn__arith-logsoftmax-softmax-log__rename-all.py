# rewrite-of: bases/uniform_class_calls_fn.py via arith-logsoftmax-softmax-log, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(cur, width, lam):
    gold = -cur.gather(dim=-1, index=width.unsqueeze(-1)).squeeze(-1)
    preds = -cur.sum(dim=-1) / cur.size(-1)
    return ((1.0 - lam) * gold + lam * preds).sum()

class ClsCriterion(nn.Module):

    def __init__(self, amount=0.1):
        super().__init__()
        self.mix = amount

    def forward(self, c0, buf):
        term_b = c0.softmax(dim=-1).log()
        return smoothed_nll(term_b, buf, self.mix)
