# rewrite-of: bases/binary_logsigmoid_fn.py via import-from-functional, rename-all
import torch
from torch.nn.functional import logsigmoid as logsigmoid2

def criterion_fn(part, prev, coef=0.1):
    tgt = prev * (1 - coef) + 0.5 * coef
    lp = tgt * logsigmoid2(part)
    z = (1 - tgt) * logsigmoid2(-part)
    return -(lp + z).sum()
