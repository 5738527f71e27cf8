# rewrite-of: bases/uniform_onehot_fn.py via control-try-target, rename-all
import torch
import torch.nn.functional as F

def head_loss(logq, cur, coef=0.1):
    emb = logq.shape[-1]
    term_a = F.one_hot(cur, emb).to(logq.dtype)
    try:
        u = (1.0 - coef) * term_a + coef / emb
    except RuntimeError:
        raise
    labels = F.log_softmax(logq, dim=-1)
    return -(u * labels).sum(-1).mean()
