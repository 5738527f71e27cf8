# rewrite-of: bases/soft_target_fn.py via prep-rows-view, rename-locals
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(term_b, part):
    term_b = term_b.view(-1, term_b.size(-1))
    val = F.log_softmax(term_b, dim=-1)
    ref = torch.sum(-part * val, dim=-1)
    return ref.mean()
