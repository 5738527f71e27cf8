# rewrite-of: bases/binary_logsigmoid_fn.py via eps-bounds, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(vec, logq, amount=0.1):
    amount = max(0.0, min(1.0, amount))
    u = logq * (1 - amount) + 0.5 * amount
    scores = u * F.logsigmoid(vec)
    aux = (1 - u) * F.logsigmoid(-vec)
    return -(scores + aux).sum()
