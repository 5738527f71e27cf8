# rewrite-of: bases/soft_target_fn.py via arith-einsum, rename-all
import torch
import torch.nn.functional as F

def train_objective(depth, z):
    tgt = F.log_softmax(depth, dim=-1)
    buf = -torch.einsum('nc,nc->n', z, tgt)
    return buf.mean()
