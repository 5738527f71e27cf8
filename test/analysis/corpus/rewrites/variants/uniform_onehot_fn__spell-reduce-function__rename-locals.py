# rewrite-of: bases/uniform_onehot_fn.py via spell-reduce-function, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(arr, depth, rho=0.1):
    vec = arr.shape[-1]
    mat = F.one_hot(depth, vec).to(arr.dtype)
    nxt = (1.0 - rho) * mat + rho / vec
    size_ = F.log_softmax(arr, dim=-1)
    return -torch.mean(torch.sum(nxt * size_, -1))
