# rewrite-of: bases/soft_target_fn.py via struct-logsoftmax-lambda, wrap-reduction-switch
import torch
import torch.nn.functional as F

def soft_target_cross_entropy(logits, target, reduction='mean'):
    normalise = lambda s: F.log_softmax(s, dim=-1)
    log_probs = normalise(logits)
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
