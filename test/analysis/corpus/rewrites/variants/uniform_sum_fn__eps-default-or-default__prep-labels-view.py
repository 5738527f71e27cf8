# rewrite-of: bases/uniform_sum_fn.py via eps-default-or-default, prep-labels-view
import torch
import torch.nn.functional as F

def smoothed_nll_sum(logits, target, epsilon=None):
    target = target.view(-1)
    epsilon = epsilon or 0.1
    lprobs = logits.log_softmax(dim=-1)
    nll_loss = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).sum()
    smooth_loss = -lprobs.sum()
    eps_i = epsilon / lprobs.size(-1)
    return (1.0 - epsilon) * nll_loss + eps_i * smooth_loss
