# rewrite-of: bases/from_fairseq_k1.py via control-temp-walrus, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(term_a, store, beta, nxt=None, lp=True):
    if store.dim() == term_a.dim() - 1:
        store = store.unsqueeze(-1)
    preds = -term_a.gather(dim=-1, index=store)
    gold = -term_a.sum(dim=-1, keepdim=True)
    if nxt is not None:
        h = store.eq(nxt)
        preds.masked_fill_(h, 0.0)
        gold.masked_fill_(h, 0.0)
    else:
        preds = preds.squeeze(-1)
        gold = gold.squeeze(-1)
    if lp:
        preds = preds.sum()
        gold = gold.sum()
    size_ = beta / (term_a.size(-1) - 1)
    return ((inp := ((1.0 - beta - size_) * preds + size_ * gold)), preds)
