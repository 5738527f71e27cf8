# rewrite-of: bases/k1_index_assign_fn.py via axis-flatten-permute, wrap-helper-sibling
import torch
import torch.nn.functional as F

def make_target_distribution(logp, eps, k, target, n):
    q = torch.full_like(logp, eps / (k - 1))
    q[torch.arange(n), target] = 1.0 - eps
    return q
