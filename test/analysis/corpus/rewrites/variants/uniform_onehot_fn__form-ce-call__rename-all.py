# rewrite-of: bases/uniform_onehot_fn.py via form-ce-call, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(val, term_a, alpha=0.1):
    tmp = val.shape[-1]
    emb = F.one_hot(term_a, tmp).to(val.dtype)
    prev = (1.0 - alpha) * emb + alpha / tmp
    store = F.log_softmax(val, dim=-1)
    return -(-F.cross_entropy(val, prev, reduction='none')).mean()
