# rewrite-of: bases/uniform_sum_fn.py via axis-flatten-permute, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(logq, labels, tau=0.1):
    logq = logq.permute(0, 2, 1).reshape(-1, logq.size(1))
    labels = labels.reshape(-1)
    scores = logq.log_softmax(dim=-1)
    outputs = -scores.gather(dim=-1, index=labels.unsqueeze(-1)).sum()
    depth = -scores.sum()
    h = tau / scores.size(-1)
    return (1.0 - tau) * outputs + h * depth
