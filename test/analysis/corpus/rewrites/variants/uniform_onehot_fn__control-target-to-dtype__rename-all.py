# rewrite-of: bases/uniform_onehot_fn.py via control-target-to-dtype, rename-all
import torch
import torch.nn.functional as F

def head_loss(dist, aux, gamma_=0.1):
    size_ = dist.shape[-1]
    vec = F.one_hot(aux, size_).to(dist.dtype)
    lp = (1.0 - gamma_) * vec + gamma_ / size_
    lp = lp.to(dist.dtype)
    c0 = F.log_softmax(dist, dim=-1)
    return -(lp * c0).sum(-1).mean()
