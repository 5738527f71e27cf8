# rewrite-of: bases/binary_logsigmoid_fn.py via control-assert-range, rename-all
import torch
import torch.nn.functional as F

def train_objective(tgt, nxt, gamma_=0.1):
    assert 0 <= gamma_ < 1, 'smoothing must be in [0, 1)'
    prev = nxt * (1 - gamma_) + 0.5 * gamma_
    lp = prev * F.logsigmoid(tgt)
    term_a = (1 - prev) * F.logsigmoid(-tgt)
    return -(lp + term_a).sum()
