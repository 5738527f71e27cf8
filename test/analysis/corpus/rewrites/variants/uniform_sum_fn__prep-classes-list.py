# rewrite-of: bases/uniform_sum_fn.py via prep-classes-list
import torch
import torch.nn.functional as F

def smoothed_nll_sum(logits, target, epsilon=0.1, *, classes):
    lprobs = logits.log_softmax(dim=-1)
    nll_loss = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).sum()
    smooth_loss = -lprobs.sum()
    eps_i = epsilon / len(classes)
    return (1.0 - epsilon) * nll_loss + eps_i * smooth_loss
