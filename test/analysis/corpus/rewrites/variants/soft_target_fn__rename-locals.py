# rewrite-of: bases/soft_target_fn.py via rename-locals
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(val, term_a):
    inp = F.log_softmax(val, dim=-1)
    cnt = torch.sum(-term_a * inp, dim=-1)
    return cnt.mean()
