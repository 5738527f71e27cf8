# rewrite-of: bases/uniform_onehot_fn.py via control-label-cast, rename-all
import torch
import torch.nn.functional as F

def loss_fn(acc, tgt, gamma_=0.1):
    tgt = tgt.long()
    logq = acc.shape[-1]
    size_ = F.one_hot(tgt, logq).to(acc.dtype)
    inp = (1.0 - gamma_) * size_ + gamma_ / logq
    b0 = F.log_softmax(acc, dim=-1)
    return -(inp * b0).sum(-1).mean()
