# rewrite-of: bases/soft_target_fn.py via helper-logsoftmax-module, wrap-reduction-switch
import torch
import torch.nn.functional as F

def normalize_logits(z):
    return F.log_softmax(z, dim=-1)

def soft_target_cross_entropy(logits, target, reduction='mean'):
    log_probs = normalize_logits(logits)
    loss = torch.sum(-target * log_probs, dim=-1)
    per_sample = loss
    if reduction == 'mean':
        return per_sample.mean()
    elif reduction == 'sum':
        return per_sample.sum()
    elif reduction == 'none':
        return per_sample
    else:
        raise ValueError(f'unknown reduction {reduction}')
