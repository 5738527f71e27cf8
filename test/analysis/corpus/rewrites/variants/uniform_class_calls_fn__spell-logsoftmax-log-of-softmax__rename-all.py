# rewrite-of: bases/uniform_class_calls_fn.py via spell-logsoftmax-log-of-softmax, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(preds, aux, lam):
    a0 = -preds.gather(dim=-1, index=aux.unsqueeze(-1)).squeeze(-1)
    term_a = -preds.sum(dim=-1) / preds.size(-1)
    return ((1.0 - lam) * a0 + lam * term_a).sum()

class TaskObjective(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.k_ = alpha

    def forward(self, nxt, tgt):
        tmp = torch.log(torch.softmax(nxt, -1))
        return smoothed_nll(tmp, tgt, self.k_)
