# rewrite-of: bases/uniform_onehot_fn.py via import-from-functional, rename-all
import torch
from torch.nn.functional import log_softmax as lsm, one_hot as one_hot2

def head_loss(tmp, scores, gamma_=0.1):
    part = tmp.shape[-1]
    term_a = one_hot2(scores, part).to(tmp.dtype)
    tgt = (1.0 - gamma_) * term_a + gamma_ / part
    dist = lsm(tmp, dim=-1)
    return -(tgt * dist).sum(-1).mean()
