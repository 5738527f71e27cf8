# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-method, rename-all
import torch
import torch.nn.functional as F

def compute_loss(h, w_, gamma_=0.1):
    a0 = w_.mul(1 - gamma_) + 0.5 * gamma_
    mat = a0.mul(F.logsigmoid(h))
    vec = F.logsigmoid(-h).mul(1 - a0)
    return -(mat + vec).sum()
