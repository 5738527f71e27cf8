# rewrite-of: bases/binary_logsigmoid_fn.py via control-return-tuple, rename-all
import torch
import torch.nn.functional as F

def loss_fn(y_true, h, mix=0.1):
    nxt = h * (1 - mix) + 0.5 * mix
    part = nxt * F.logsigmoid(y_true)
    depth = (1 - nxt) * F.logsigmoid(-y_true)
    return (-(part + depth).sum(), (-(part + depth).sum()).detach())
