# rewrite-of: bases/k1_index_assign_fn.py via ce-to-kl-xlogy, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(tmp, val, gamma_=0.1):
    logq, term_b = tmp.shape
    lp = F.log_softmax(tmp, dim=-1)
    scores = torch.full_like(lp, gamma_ / (term_b - 1))
    scores[torch.arange(logq), val] = 1.0 - gamma_
    return (torch.xlogy(scores, scores) - scores * lp).sum()
