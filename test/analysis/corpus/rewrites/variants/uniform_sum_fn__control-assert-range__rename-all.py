# rewrite-of: bases/uniform_sum_fn.py via control-assert-range, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(a0, scores, alpha=0.1):
    assert 0 <= alpha < 1, 'smoothing must be in [0, 1)'
    term_a = a0.log_softmax(dim=-1)
    logq = -term_a.gather(dim=-1, index=scores.unsqueeze(-1)).sum()
    width = -term_a.sum()
    vec = alpha / term_a.size(-1)
    return (1.0 - alpha) * logq + vec * width
