# rewrite-of: bases/binary_logsigmoid_fn.py via rename-all
import torch
import torch.nn.functional as F

def train_objective(mat, logq, mix=0.1):
    part = logq * (1 - mix) + 0.5 * mix
    d0 = part * F.logsigmoid(mat)
    u = (1 - part) * F.logsigmoid(-mat)
    return -(d0 + u).sum()
