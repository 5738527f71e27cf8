# rewrite-of: bases/k1_index_assign_fn.py via spell-onehot-where, eps-default-kwargs
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(logits, target, **kwargs):
    eps = kwargs.get('eps', 0.1)
    n, k = logits.shape
    logp = F.log_softmax(logits, dim=-1)
    q = torch.full_like(logp, eps / (k - 1))
    q = torch.where(F.one_hot(target, q.size(-1)).bool(), 1.0 - eps, q)
    return -(q * logp).sum()
