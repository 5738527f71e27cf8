# rewrite-of: bases/soft_target_fn.py via spell-scalar-order, rename-locals
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(prev, tgt):
    buf = F.log_softmax(prev, dim=-1)
    inp = torch.sum(buf * -tgt, dim=-1)
    return inp.mean()
