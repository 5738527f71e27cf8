# rewrite-of: bases/uniform_sum_fn.py via arith-negate-mul-minus-one, rename-all
import torch
import torch.nn.functional as F

def head_loss(term_b, scores, lam=0.1):
    logq = term_b.log_softmax(dim=-1)
    inp = -1.0 * logq.gather(dim=-1, index=scores.unsqueeze(-1)).sum()
    tgt = -1.0 * logq.sum()
    w_ = lam / logq.size(-1)
    return (1.0 - lam) * inp + w_ * tgt
