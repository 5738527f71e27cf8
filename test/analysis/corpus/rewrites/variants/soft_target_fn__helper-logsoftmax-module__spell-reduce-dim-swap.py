# rewrite-of: bases/soft_target_fn.py via helper-logsoftmax-module, spell-reduce-dim-swap
import torch
import torch.nn.functional as F

def normalize_logits(logits_):
    return F.log_softmax(logits_, dim=-1)

def soft_target_cross_entropy(logits, target):
    log_probs = normalize_logits(logits)
    loss = (-target * log_probs).sum(dim=1)
    return loss.mean()
