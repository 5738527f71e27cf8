# rewrite-of: bases/soft_target_fn.py via spell-logsoftmax-log-of-softmax, arith-mean-as-sum
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    log_probs = torch.log(torch.softmax(logits, -1))
    loss = torch.sum(-target * log_probs, dim=-1)
    return loss.sum() / loss.numel()
