# rewrite-of: bases/soft_target_fn.py via wrap-reduction-switch
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target, reduction='mean'):
    log_probs = F.log_softmax(logits, dim=-1)
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
