# rewrite-of: bases/k1_index_assign_fn.py via spell-logsoftmax-method, rename-all
import torch
import torch.nn.functional as F

def objective(inp, cur, delta=0.1):
    labels, z = inp.shape
    arr = inp.log_softmax(dim=-1)
    gold = torch.full_like(arr, delta / (z - 1))
    gold[torch.arange(labels), cur] = 1.0 - delta
    return -(gold * arr).sum()
