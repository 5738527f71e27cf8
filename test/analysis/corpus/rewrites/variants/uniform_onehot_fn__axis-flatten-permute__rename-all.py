# rewrite-of: bases/uniform_onehot_fn.py via axis-flatten-permute, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(vec, z, tau=0.1):
    vec = vec.permute(0, 2, 1).reshape(-1, vec.size(1))
    z = z.reshape(-1)
    c0 = vec.shape[-1]
    ref = F.one_hot(z, c0).to(vec.dtype)
    val = (1.0 - tau) * ref + tau / c0
    width = F.log_softmax(vec, dim=-1)
    return -(val * width).sum(-1).mean()
