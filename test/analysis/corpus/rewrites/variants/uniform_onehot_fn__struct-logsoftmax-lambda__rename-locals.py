# rewrite-of: bases/uniform_onehot_fn.py via struct-logsoftmax-lambda, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(mat, prev, coef=0.1):
    w_ = lambda s: F.log_softmax(s, dim=-1)
    dist = mat.shape[-1]
    labels = F.one_hot(prev, dist).to(mat.dtype)
    width = (1.0 - coef) * labels + coef / dist
    c0 = w_(mat)
    return -(width * c0).sum(-1).mean()
