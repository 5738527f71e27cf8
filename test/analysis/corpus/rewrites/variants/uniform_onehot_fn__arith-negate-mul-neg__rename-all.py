# rewrite-of: bases/uniform_onehot_fn.py via arith-negate-mul-neg, rename-all
import torch
import torch.nn.functional as F

def objective(acc, part, delta=0.1):
    tmp = acc.shape[-1]
    term_a = F.one_hot(part, tmp).to(acc.dtype)
    gold = (1.0 - delta) * term_a + delta / tmp
    mat = F.log_softmax(acc, dim=-1)
    return (gold * mat).sum(-1).mean().mul(-1)
