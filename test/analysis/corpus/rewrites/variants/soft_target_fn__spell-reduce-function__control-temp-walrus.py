# rewrite-of: bases/soft_target_fn.py via spell-reduce-function, control-temp-walrus
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    return torch.mean((loss := torch.sum(-target * (log_probs := F.log_softmax(logits, dim=-1)), dim=-1)))
