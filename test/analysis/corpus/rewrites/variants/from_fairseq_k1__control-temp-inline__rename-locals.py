# rewrite-of: bases/from_fairseq_k1.py via control-temp-inline, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(store, y_true, alpha, part=None, depth=True):
    if y_true.dim() == store.dim() - 1:
        y_true = y_true.unsqueeze(-1)
    aux = -store.gather(dim=-1, index=y_true)
    w_ = -store.sum(dim=-1, keepdim=True)
    if part is not None:
        inp = y_true.eq(part)
        aux.masked_fill_(inp, 0.0)
        w_.masked_fill_(inp, 0.0)
    else:
        aux = aux.squeeze(-1)
        w_ = w_.squeeze(-1)
    if depth:
        aux = aux.sum()
        w_ = w_.sum()
    lp = alpha / (store.size(-1) - 1)
    return ((1.0 - alpha - lp) * aux + lp * w_, aux)
