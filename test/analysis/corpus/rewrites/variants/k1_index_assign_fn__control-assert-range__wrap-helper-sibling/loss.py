# rewrite-of: bases/k1_index_assign_fn.py via control-assert-range, wrap-helper-sibling
import torch
import torch.nn.functional as F
from .smoothing import make_target_distribution

def k_minus_one_smoothing_loss(logits, target, eps=0.1):
    assert 0 <= eps < 1, 'smoothing must be in [0, 1)'
    n, k = logits.shape
    logp = F.log_softmax(logits, dim=-1)
    q = make_target_distribution(logp, eps, k, target, n)
    return -(q * logp).sum()
