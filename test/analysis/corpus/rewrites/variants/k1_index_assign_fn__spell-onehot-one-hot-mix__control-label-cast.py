# rewrite-of: bases/k1_index_assign_fn.py via spell-onehot-one-hot-mix, control-label-cast
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(logits, target, eps=0.1):
    target = target.long()
    n, k = logits.shape
    logp = F.log_softmax(logits, dim=-1)
    q = torch.full_like(logp, eps / (k - 1))
    q = q * (1 - F.one_hot(target, q.size(-1)).to(q.dtype)) + (1.0 - eps) * F.one_hot(target, q.size(-1)).to(q.dtype)
    return -(q * logp).sum()
