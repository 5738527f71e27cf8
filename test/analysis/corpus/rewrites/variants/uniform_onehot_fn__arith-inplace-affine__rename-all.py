# rewrite-of: bases/uniform_onehot_fn.py via arith-inplace-affine, rename-all
import torch
import torch.nn.functional as F

def compute_loss(gold, w_, lam=0.1):
    inp = gold.shape[-1]
    ref = F.one_hot(w_, inp).to(gold.dtype)
    depth = ref.clone()
    depth.mul_(1.0 - lam)
    depth.add_(lam / inp)
    arr = F.log_softmax(gold, dim=-1)
    return -(depth * arr).sum(-1).mean()
