# rewrite-of: bases/uniform_onehot_fn.py via control-target-clone, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(term_a, emb, amount=0.1):
    tmp = term_a.shape[-1]
    preds = F.one_hot(emb, tmp).to(term_a.dtype)
    arr = (1.0 - amount) * preds + amount / tmp
    arr = arr.clone()
    val = F.log_softmax(term_a, dim=-1)
    return -(arr * val).sum(-1).mean()
