# rewrite-of: bases/k1_index_assign_fn.py via wrap-helper-sibling
import torch
import torch.nn.functional as F

def _smooth_targets(logp, eps, k, target, n):
    q = torch.full_like(logp, eps / (k - 1))
    q[torch.arange(n), target] = 1.0 - eps
    return q
