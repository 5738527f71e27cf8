# rewrite-of: bases/from_fairseq_k1.py via spell-reduce-method, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(prev, c0, delta, store=None, lp=True):
    if c0.dim() == prev.dim() - 1:
        c0 = c0.unsqueeze(-1)
    preds = -prev.gather(dim=-1, index=c0)
    term_a = -prev.sum(-1, keepdim=True)
    if store is not None:
        labels = c0.eq(store)
        preds.masked_fill_(labels, 0.0)
        term_a.masked_fill_(labels, 0.0)
    else:
        preds = preds.squeeze(-1)
        term_a = term_a.squeeze(-1)
    if lp:
        preds = preds.sum()
        term_a = term_a.sum()
    inp = delta / (prev.size(-1) - 1)
    cnt = (1.0 - delta - inp) * preds + inp * term_a
    return (cnt, preds)
