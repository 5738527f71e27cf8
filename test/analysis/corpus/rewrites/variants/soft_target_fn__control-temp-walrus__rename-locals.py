# rewrite-of: bases/soft_target_fn.py via control-temp-walrus, rename-locals
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(prev, size_):
    return (gold := torch.sum(-size_ * (b0 := F.log_softmax(prev, dim=-1)), dim=-1)).mean()
