# rewrite-of: bases/soft_target_fn.py via import-qualified
import torch
import torch.nn.functional

def soft_target_cross_entropy(logits, target):
    log_probs = torch.nn.functional.log_softmax(logits, dim=-1)
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.mean()
