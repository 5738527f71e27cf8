# rewrite-of: bases/binary_logsigmoid_fn.py via control-ternary, rename-all
import torch
import torch.nn.functional as F

def objective(cur, val, gamma_=0.1):
    width = val * (1 - gamma_) + 0.5 * gamma_
    gold = width * F.logsigmoid(cur)
    outputs = (1 - width) * F.logsigmoid(-cur)
    return -(gold + outputs).sum() if gamma_ > 0 else F.binary_cross_entropy_with_logits(cur, val, reduction='sum')
