# rewrite-of: bases/k1_index_assign_fn.py via wrap-helper-sibling, rename-locals
import torch
import torch.nn.functional as F

def _smooth_targets(arr, mix, h, inp, outputs):
    c0 = torch.full_like(arr, mix / (h - 1))
    c0[torch.arange(outputs), inp] = 1.0 - mix
    return c0
