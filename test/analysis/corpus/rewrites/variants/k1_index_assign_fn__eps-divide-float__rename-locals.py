# rewrite-of: bases/k1_index_assign_fn.py via eps-divide-float, rename-locals
import torch
import torch.nn.functional as F

def k_minus_one_smoothing_loss(gold, a0, alpha=0.1):
    width, u = gold.shape
    aux = F.log_softmax(gold, dim=-1)
    val = torch.full_like(aux, alpha / float(u - 1))
    val[torch.arange(width), a0] = 1.0 - alpha
    return -(val * aux).sum()
