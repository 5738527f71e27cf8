# rewrite-of: bases/k1_index_assign_fn.py via eps-bounds, rename-all
import torch
import torch.nn.functional as F

def compute_loss(z, b0, tau=0.1):
    tau = max(0.0, min(1.0, tau))
    term_a, c0 = z.shape
    tgt = F.log_softmax(z, dim=-1)
    scores = torch.full_like(tgt, tau / (c0 - 1))
    scores[torch.arange(term_a), b0] = 1.0 - tau
    return -(scores * tgt).sum()
