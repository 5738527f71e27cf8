# rewrite-of: bases/binary_logsigmoid_fn.py via eps-default-none-default, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(width, term_b, gamma_=None):
    if gamma_ is None:
        gamma_ = 0.1
    scores = term_b * (1 - gamma_) + 0.5 * gamma_
    cur = scores * F.logsigmoid(width)
    depth = (1 - scores) * F.logsigmoid(-width)
    return -(cur + depth).sum()
