# rewrite-of: bases/binary_logsigmoid_fn.py via prep-contiguous, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(outputs, d0, gamma_=0.1):
    outputs = outputs.contiguous()
    aux = d0 * (1 - gamma_) + 0.5 * gamma_
    gold = aux * F.logsigmoid(outputs)
    u = (1 - aux) * F.logsigmoid(-outputs)
    return -(gold + u).sum()
