# rewrite-of: bases/k1_index_assign_fn.py via spell-onehot-scatter, arith-logsoftmax-module-inline
import torch
import torch.nn.functional as F
import torch.nn as nn

def k_minus_one_smoothing_loss(logits, target, eps=0.1):
    n, k = logits.shape
    logp = nn.LogSoftmax(dim=-1)(logits)
    q = torch.full_like(logp, eps / (k - 1))
    q.scatter_(1, target.unsqueeze(1), 1.0 - eps)
    return -(q * logp).sum()
