# rewrite-of: bases/uniform_onehot_fn.py via prep-classes-list, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(b0, width, alpha=0.1, *, size_):
    w_ = len(size_)
    c0 = F.one_hot(width, w_).to(b0.dtype)
    h = (1.0 - alpha) * c0 + alpha / w_
    logq = F.log_softmax(b0, dim=-1)
    return -(h * logq).sum(-1).mean()
