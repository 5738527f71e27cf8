# rewrite-of: bases/soft_target_fn.py via helper-logsoftmax-module, spell-logsoftmax-log-of-softmax
import torch
import torch.nn.functional as F

def normalize_logits(z):
    return torch.log(torch.softmax(z, -1))

def soft_target_cross_entropy(logits, target):
    log_probs = normalize_logits(logits)
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.mean()
