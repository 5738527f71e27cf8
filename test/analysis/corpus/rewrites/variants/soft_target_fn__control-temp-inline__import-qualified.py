# rewrite-of: bases/soft_target_fn.py via control-temp-inline, import-qualified
import torch
import torch.nn.functional

def soft_target_cross_entropy(logits, target):
    return torch.sum(-target * torch.nn.functional.log_softmax(logits, dim=-1), dim=-1).mean()
