# rewrite-of: bases/k1_index_assign_fn.py via guard-positive, rename-all
import torch
import torch.nn.functional as F

def objective(emb, ref, alpha=0.1):
    if alpha > 0:
        lp, store = emb.shape
        dist = F.log_softmax(emb, dim=-1)
        scores = torch.full_like(dist, alpha / (store - 1))
        scores[torch.arange(lp), ref] = 1.0 - alpha
        return -(scores * dist).sum()
    else:
        return F.cross_entropy(emb, ref, reduction='sum')
