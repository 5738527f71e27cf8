# rewrite-of: bases/binary_logsigmoid_fn.py via arith-negate-neg, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(term_a, val, rho=0.1):
    y_true = val * (1 - rho) + 0.5 * rho
    u = y_true * F.logsigmoid(term_a)
    inp = (1 - y_true) * F.logsigmoid(-term_a)
    return (u + inp).sum().neg()
