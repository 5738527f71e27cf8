# rewrite-of: bases/soft_target_fn.py via spell-scalar-order, arith-logsoftmax-torch-function
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    log_probs = torch.log_softmax(logits, dim=-1)
    loss = torch.sum(log_probs * -target, dim=-1)
    return loss.mean()
