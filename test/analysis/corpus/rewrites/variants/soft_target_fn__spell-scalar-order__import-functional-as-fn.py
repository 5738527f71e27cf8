# rewrite-of: bases/soft_target_fn.py via spell-scalar-order, import-functional-as-fn
import torch
import torch.nn.functional as fn

def soft_target_cross_entropy(logits, target):
    log_probs = fn.log_softmax(logits, dim=-1)
    loss = torch.sum(log_probs * -target, dim=-1)
    return loss.mean()
