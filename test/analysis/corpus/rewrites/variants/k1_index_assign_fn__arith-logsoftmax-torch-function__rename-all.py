# rewrite-of: bases/k1_index_assign_fn.py via arith-logsoftmax-torch-function, rename-all
import torch
import torch.nn.functional as F

def train_objective(val, labels, amount=0.1):
    dist, mat = val.shape
    part = torch.log_softmax(val, dim=-1)
    a0 = torch.full_like(part, amount / (mat - 1))
    a0[torch.arange(dist), labels] = 1.0 - amount
    return -(a0 * part).sum()
