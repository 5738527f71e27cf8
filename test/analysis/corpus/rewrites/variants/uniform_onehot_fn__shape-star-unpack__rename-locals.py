# rewrite-of: bases/uniform_onehot_fn.py via shape-star-unpack, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(cur, c0, coef=0.1):
    *nxt, y_true = cur.shape
    w_ = y_true
    labels = F.one_hot(c0, w_).to(cur.dtype)
    term_a = (1.0 - coef) * labels + coef / w_
    logq = F.log_softmax(cur, dim=-1)
    return -(term_a * logq).sum(-1).mean()
