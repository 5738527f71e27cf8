# rewrite-of: bases/uniform_onehot_fn.py via eps-one-literal, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(width, inp, mix=0.1):
    val = width.shape[-1]
    u = F.one_hot(inp, val).to(width.dtype)
    b0 = (1 - mix) * u + mix / val
    tmp = F.log_softmax(width, dim=-1)
    return -(b0 * tmp).sum(-1).mean()
