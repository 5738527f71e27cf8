# rewrite-of: bases/soft_target_fn.py via spell-logsoftmax-method, import-functional-as-fn
import torch
import torch.nn.functional as fn

def soft_target_cross_entropy(logits, target):
    log_probs = logits.log_softmax(dim=-1)
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.mean()
