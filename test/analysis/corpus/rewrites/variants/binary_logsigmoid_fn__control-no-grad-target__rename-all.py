# rewrite-of: bases/binary_logsigmoid_fn.py via control-no-grad-target, rename-all
import torch
import torch.nn.functional as F

def head_loss(z, lp, tau=0.1):
    with torch.no_grad():
        h = lp * (1 - tau) + 0.5 * tau
    depth = h * F.logsigmoid(z)
    w_ = (1 - h) * F.logsigmoid(-z)
    return -(depth + w_).sum()
