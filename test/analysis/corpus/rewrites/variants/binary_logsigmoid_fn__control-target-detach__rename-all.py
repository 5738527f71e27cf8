# rewrite-of: bases/binary_logsigmoid_fn.py via control-target-detach, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(w_, ref, tau=0.1):
    outputs = ref * (1 - tau) + 0.5 * tau
    outputs = outputs.detach()
    inp = outputs * F.logsigmoid(w_)
    cnt = (1 - outputs) * F.logsigmoid(-w_)
    return -(inp + cnt).sum()
