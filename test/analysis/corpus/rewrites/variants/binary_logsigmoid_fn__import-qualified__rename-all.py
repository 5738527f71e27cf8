# rewrite-of: bases/binary_logsigmoid_fn.py via import-qualified, rename-all
import torch
import torch.nn.functional

def head_loss(cur, b0, alpha=0.1):
    lp = b0 * (1 - alpha) + 0.5 * alpha
    a0 = lp * torch.nn.functional.logsigmoid(cur)
    z = (1 - lp) * torch.nn.functional.logsigmoid(-cur)
    return -(a0 + z).sum()
