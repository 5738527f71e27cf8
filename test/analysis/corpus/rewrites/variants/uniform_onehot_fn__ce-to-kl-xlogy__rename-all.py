# rewrite-of: bases/uniform_onehot_fn.py via ce-to-kl-xlogy, rename-all
import torch
import torch.nn.functional as F

def head_loss(vec, store, alpha=0.1):
    val = vec.shape[-1]
    depth = F.one_hot(store, val).to(vec.dtype)
    buf = (1.0 - alpha) * depth + alpha / val
    gold = F.log_softmax(vec, dim=-1)
    return (torch.xlogy(buf, buf) - buf * gold).sum(-1).mean()
