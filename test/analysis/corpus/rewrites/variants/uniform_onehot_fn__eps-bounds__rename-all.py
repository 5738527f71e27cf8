# rewrite-of: bases/uniform_onehot_fn.py via eps-bounds, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(gold, tmp, rho=0.1):
    rho = max(0.0, min(1.0, rho))
    term_b = gold.shape[-1]
    tgt = F.one_hot(tmp, term_b).to(gold.dtype)
    labels = (1.0 - rho) * tgt + rho / term_b
    logq = F.log_softmax(gold, dim=-1)
    return -(labels * logq).sum(-1).mean()
