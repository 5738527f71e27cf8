# rewrite-of: bases/soft_target_fn.py via control-temp-inline
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    return torch.sum(-target * F.log_softmax(logits, dim=-1), dim=-1).mean()
