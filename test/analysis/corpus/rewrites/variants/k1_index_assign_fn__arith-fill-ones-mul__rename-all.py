# rewrite-of: bases/k1_index_assign_fn.py via arith-fill-ones-mul, rename-all
import torch
import torch.nn.functional as F

def head_loss(part, labels, beta=0.1):
    arr, tmp = part.shape
    emb = F.log_softmax(part, dim=-1)
    z = torch.ones_like(emb) * (beta / (tmp - 1))
    z[torch.arange(arr), labels] = 1.0 - beta
    return -(z * emb).sum()
