# rewrite-of: bases/uniform_onehot_fn.py via wrap-helper-sibling, rename-locals
import torch
import torch.nn.functional as F
from .smoothing import make_target_distribution

def smoothed_cross_entropy(prev, u, mix=0.1):
    preds = prev.shape[-1]
    term_a = F.one_hot(u, preds).to(prev.dtype)
    c0 = make_target_distribution(term_a, mix, preds)
    nxt = F.log_softmax(prev, dim=-1)
    return -(c0 * nxt).sum(-1).mean()
