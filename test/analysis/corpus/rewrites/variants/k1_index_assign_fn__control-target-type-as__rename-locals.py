# rewrite-of: bases/k1_index_assign_fn.py via control-target-type-as, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(vec, term_b, rho=0.1):
    u, term_a = vec.shape
    ref = F.log_softmax(vec, dim=-1)
    cur = torch.full_like(ref, rho / (term_a - 1))
    cur[torch.arange(u), term_b] = 1.0 - rho
    cur = cur.type_as(vec)
    return -(cur * ref).sum()
