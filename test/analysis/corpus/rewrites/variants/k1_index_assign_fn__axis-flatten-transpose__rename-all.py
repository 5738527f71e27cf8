# rewrite-of: bases/k1_index_assign_fn.py via axis-flatten-transpose, rename-all
import torch
import torch.nn.functional as F

def compute_loss(vec, tmp, delta=0.1):
    vec = vec.transpose(1, 2).contiguous().view(-1, vec.size(1))
    tmp = tmp.contiguous().view(-1)
    w_, prev = vec.shape
    emb = F.log_softmax(vec, dim=-1)
    tgt = torch.full_like(emb, delta / (prev - 1))
    tgt[torch.arange(w_), tmp] = 1.0 - delta
    return -(tgt * emb).sum()
