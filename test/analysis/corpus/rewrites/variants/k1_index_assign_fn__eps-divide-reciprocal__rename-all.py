# rewrite-of: bases/k1_index_assign_fn.py via eps-divide-reciprocal, rename-all
import torch
import torch.nn.functional as F

def loss_fn(part, scores, beta=0.1):
    term_b, term_a = part.shape
    d0 = F.log_softmax(part, dim=-1)
    h = torch.full_like(d0, beta * (1.0 / (term_a - 1)))
    h[torch.arange(term_b), scores] = 1.0 - beta
    return -(h * d0).sum()
