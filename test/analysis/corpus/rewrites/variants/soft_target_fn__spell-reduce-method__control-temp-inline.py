# rewrite-of: bases/soft_target_fn.py via spell-reduce-method, control-temp-inline
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    return (-target * F.log_softmax(logits, dim=-1)).sum(-1).mean()
