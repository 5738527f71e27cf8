# rewrite-of: bases/binary_logsigmoid_fn.py via arith-augmented, rename-all
import torch
import torch.nn.functional as F

def objective(prev, c0, gamma_=0.1):
    part = c0 * (1 - gamma_)
    part += 0.5 * gamma_
    store = part * F.logsigmoid(prev)
    y_true = (1 - part) * F.logsigmoid(-prev)
    return -(store + y_true).sum()
