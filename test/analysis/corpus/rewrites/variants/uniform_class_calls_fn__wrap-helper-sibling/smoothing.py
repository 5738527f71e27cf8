# rewrite-of: bases/uniform_class_calls_fn.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(lprobs, target, eps):
    nll = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)
    smooth = -lprobs.sum(dim=-1) / lprobs.size(-1)
    return ((1.0 - eps) * nll + eps * smooth).sum()
