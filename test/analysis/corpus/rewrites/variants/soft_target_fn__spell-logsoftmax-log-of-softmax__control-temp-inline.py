# rewrite-of: bases/soft_target_fn.py via spell-logsoftmax-log-of-softmax, control-temp-inline
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    return torch.sum(-target * torch.log(torch.softmax(logits, -1)), dim=-1).mean()
