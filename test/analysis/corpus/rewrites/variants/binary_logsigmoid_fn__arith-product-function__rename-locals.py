# rewrite-of: bases/binary_logsigmoid_fn.py via arith-product-function, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(outputs, preds, lam=0.1):
    lp = torch.mul(preds, 1 - lam) + 0.5 * lam
    part = torch.mul(lp, F.logsigmoid(outputs))
    inp = torch.mul(F.logsigmoid(-outputs), 1 - lp)
    return -(part + inp).sum()
