# rewrite-of: bases/k1_index_assign_fn.py via prep-rows-view
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(logits, target, eps=0.1):
    logits = logits.view(-1, logits.size(-1))
    n, k = logits.shape
    logp = F.log_softmax(logits, dim=-1)
    q = torch.full_like(logp, eps / (k - 1))
    q[torch.arange(n), target] = 1.0 - eps
    return -(q * logp).sum()
