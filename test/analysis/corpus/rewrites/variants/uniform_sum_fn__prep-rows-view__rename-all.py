# rewrite-of: bases/uniform_sum_fn.py via prep-rows-view, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(preds, b0, beta=0.1):
    preds = preds.view(-1, preds.size(-1))
    term_b = preds.log_softmax(dim=-1)
    store = -term_b.gather(dim=-1, index=b0.unsqueeze(-1)).sum()
    mat = -term_b.sum()
    size_ = beta / term_b.size(-1)
    return (1.0 - beta) * store + size_ * mat
