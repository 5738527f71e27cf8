# rewrite-of: bases/binary_logsigmoid_fn.py via control-try-target, rename-all
import torch
import torch.nn.functional as F

def train_objective(scores, tmp, tau=0.1):
    try:
        prev = tmp * (1 - tau) + 0.5 * tau
    except RuntimeError:
        raise
    dist = prev * F.logsigmoid(scores)
    u = (1 - prev) * F.logsigmoid(-scores)
    return -(dist + u).sum()
