# rewrite-of: bases/soft_target_fn.py via import-from-nn-functional
import torch
from torch.nn import functional as F

def soft_target_cross_entropy(logits, target):
    log_probs = F.log_softmax(logits, dim=-1)
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.mean()
