# rewrite-of: bases/uniform_onehot_fn.py via import-torch-as-th, rename-all
import torch as th
import torch.nn.functional as F

def loss_fn(vec, labels, coef=0.1):
    term_b = vec.shape[-1]
    a0 = F.one_hot(labels, term_b).to(vec.dtype)
    depth = (1.0 - coef) * a0 + coef / term_b
    b0 = F.log_softmax(vec, dim=-1)
    return -(depth * b0).sum(-1).mean()
