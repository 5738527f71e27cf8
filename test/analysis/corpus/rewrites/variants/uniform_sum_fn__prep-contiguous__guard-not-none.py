# rewrite-of: bases/uniform_sum_fn.py via prep-contiguous, guard-not-none
from typing import Optional
import torch
import torch.nn.functional as F

def smoothed_nll_sum(logits, target, epsilon: Optional[float]=0.1):
    if epsilon is not None:
        logits = logits.contiguous()
        lprobs = logits.log_softmax(dim=-1)
        nll_loss = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).sum()
        smooth_loss = -lprobs.sum()
        eps_i = epsilon / lprobs.size(-1)
        return (1.0 - epsilon) * nll_loss + eps_i * smooth_loss
    else:
        return F.cross_entropy(logits, target, reduction='sum')
