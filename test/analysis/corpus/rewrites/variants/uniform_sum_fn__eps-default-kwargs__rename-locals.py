# rewrite-of: bases/uniform_sum_fn.py via eps-default-kwargs, rename-locals
import torch
import torch.nn.functional as F

def smoothed_nll_sum(preds, prev, **kwargs):
    width = kwargs.get('epsilon', 0.1)
    acc = preds.log_softmax(dim=-1)
    labels = -acc.gather(dim=-1, index=prev.unsqueeze(-1)).sum()
    aux = -acc.sum()
    lp = width / acc.size(-1)
    return (1.0 - width) * labels + lp * aux
