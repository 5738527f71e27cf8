# rewrite-of: bases/k1_index_assign_fn.py via spell-scalar-order, rename-all
import torch
import torch.nn.functional as F

def head_loss(z, size_, delta=0.1):
    tmp, c0 = z.shape
    term_a = F.log_softmax(z, dim=-1)
    ref = torch.full_like(term_a, delta / (c0 - 1))
    ref[torch.arange(tmp), size_] = 1.0 - delta
    return -(term_a * ref).sum()
