# rewrite-of: bases/uniform_onehot_fn.py via control-no-grad-target, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(lp, mat, mix=0.1):
    size_ = lp.shape[-1]
    a0 = F.one_hot(mat, size_).to(lp.dtype)
    with torch.no_grad():
        term_b = (1.0 - mix) * a0 + mix / size_
    outputs = F.log_softmax(lp, dim=-1)
    return -(term_b * outputs).sum(-1).mean()
