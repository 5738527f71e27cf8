# rewrite-of: bases/binary_logsigmoid_fn.py via eps-one-literal, rename-locals
import torch
import torch.nn.functional as F

def smoothed_bce_loss(nxt, term_a, amount=0.1):
    tgt = term_a * (1.0 - amount) + 0.5 * amount
    a0 = tgt * F.logsigmoid(nxt)
    inp = (1 - tgt) * F.logsigmoid(-nxt)
    return -(a0 + inp).sum()
