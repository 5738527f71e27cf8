# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-method, rename-all
import torch
import torch.nn.functional as F

def compute_loss(h, w_, gamma_=0.1):
    a0 = w_ * (1 - gamma_) + 0.5 * gamma_
    mat = F.logsigmoid(h).mul(a0)
    vec = F.logsigmoid(-h).mul(1 - a0)
    return -(mat + vec).sum()
