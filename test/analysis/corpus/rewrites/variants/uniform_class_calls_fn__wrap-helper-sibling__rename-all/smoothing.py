# rewrite-of: bases/uniform_class_calls_fn.py via wrap-helper-sibling, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(scores, dist, tau):
    a0 = -scores.gather(dim=-1, index=dist.unsqueeze(-1)).squeeze(-1)
    term_b = -scores.sum(dim=-1) / scores.size(-1)
    return ((1.0 - tau) * a0 + tau * term_b).sum()
