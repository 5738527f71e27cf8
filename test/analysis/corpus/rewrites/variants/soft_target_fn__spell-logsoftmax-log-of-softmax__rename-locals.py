# rewrite-of: bases/soft_target_fn.py via spell-logsoftmax-log-of-softmax, rename-locals
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(arr, w_):
    d0 = torch.log(torch.softmax(arr, -1))
    val = torch.sum(-w_ * d0, dim=-1)
    return val.mean()
