# rewrite-of: bases/binary_logsigmoid_fn.py via control-temp-inline, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(acc, store, amount=0.1):
    mat = store * (1 - amount) + 0.5 * amount
    val = mat * F.logsigmoid(acc)
    return -(val + (1 - mat) * F.logsigmoid(-acc)).sum()
