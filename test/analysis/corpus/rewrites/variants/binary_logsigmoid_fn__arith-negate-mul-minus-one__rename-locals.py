# rewrite-of: bases/binary_logsigmoid_fn.py via arith-negate-mul-minus-one, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(tgt, cur, rho=0.1):
    logq = cur * (1 - rho) + 0.5 * rho
    inp = logq * F.logsigmoid(tgt)
    z = (1 - logq) * F.logsigmoid(-1.0 * tgt)
    return -1.0 * (inp + z).sum()
