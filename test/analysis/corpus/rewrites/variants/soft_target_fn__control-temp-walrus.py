# rewrite-of: bases/soft_target_fn.py via control-temp-walrus
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    return (loss := torch.sum(-target * (log_probs := F.log_softmax(logits, dim=-1)), dim=-1)).mean()
