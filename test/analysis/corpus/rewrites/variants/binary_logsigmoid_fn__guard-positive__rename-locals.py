# rewrite-of: bases/binary_logsigmoid_fn.py via guard-positive, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(val, outputs, beta=0.1):
    if beta > 0:
        u = outputs * (1 - beta) + 0.5 * beta
        emb = u * F.logsigmoid(val)
        tmp = (1 - u) * F.logsigmoid(-val)
        return -(emb + tmp).sum()
    else:
        return F.binary_cross_entropy_with_logits(val, outputs, reduction='sum')
