# rewrite-of: bases/uniform_onehot_fn.py via control-return-tuple, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(a0, val, beta=0.1):
    prev = a0.shape[-1]
    labels = F.one_hot(val, prev).to(a0.dtype)
    d0 = (1.0 - beta) * labels + beta / prev
    cnt = F.log_softmax(a0, dim=-1)
    return (-(d0 * cnt).sum(-1).mean(), (-(d0 * cnt).sum(-1).mean()).detach())
