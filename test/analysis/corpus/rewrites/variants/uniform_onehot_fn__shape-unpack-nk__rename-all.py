# rewrite-of: bases/uniform_onehot_fn.py via shape-unpack-nk, rename-all
import torch
import torch.nn.functional as F

def head_loss(mat, acc, lam=0.1):
    u, c0 = mat.shape
    depth = c0
    labels = F.one_hot(acc, depth).to(mat.dtype)
    scores = (1.0 - lam) * labels + lam / depth
    aux = F.log_softmax(mat, dim=-1)
    return -(scores * aux).sum(-1).mean()
