# rewrite-of: bases/k1_index_assign_fn.py via eps-default-keyword-only, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(w_, y_true, *, rho=0.1):
    buf, a0 = w_.shape
    b0 = F.log_softmax(w_, dim=-1)
    nxt = torch.full_like(b0, rho / (a0 - 1))
    nxt[torch.arange(buf), y_true] = 1.0 - rho
    return -(nxt * b0).sum()
