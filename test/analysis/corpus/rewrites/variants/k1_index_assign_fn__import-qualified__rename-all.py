# rewrite-of: bases/k1_index_assign_fn.py via import-qualified, rename-all
import torch
import torch.nn.functional

def head_loss(gold, term_b, mix=0.1):
    term_a, labels = gold.shape
    d0 = torch.nn.functional.log_softmax(gold, dim=-1)
    c0 = torch.full_like(d0, mix / (labels - 1))
    c0[torch.arange(term_a), term_b] = 1.0 - mix
    return -(c0 * d0).sum()
