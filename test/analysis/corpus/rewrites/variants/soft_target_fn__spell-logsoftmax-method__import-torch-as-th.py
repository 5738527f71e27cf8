# rewrite-of: bases/soft_target_fn.py via spell-logsoftmax-method, import-torch-as-th
import torch as th
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target):
    log_probs = logits.log_softmax(dim=-1)
    loss = th.sum(-target * log_probs, dim=-1)
    return loss.mean()
