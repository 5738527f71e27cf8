# rewrite-of: bases/binary_logsigmoid_fn.py via helper-target-nested, rename-all
import torch
import torch.nn.functional as F

def head_loss(w_, acc, mix=0.1):

    def _smooth_targets(size_, tau):
        val = size_ * (1 - tau) + 0.5 * tau
        return val
    vec = _smooth_targets(acc, mix)
    a0 = vec * F.logsigmoid(w_)
    logq = (1 - vec) * F.logsigmoid(-w_)
    return -(a0 + logq).sum()
