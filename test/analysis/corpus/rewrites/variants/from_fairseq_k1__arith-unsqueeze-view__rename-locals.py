# rewrite-of: bases/from_fairseq_k1.py via arith-unsqueeze-view, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(term_a, labels, alpha, lp=None, b0=True):
    if labels.dim() == term_a.dim() - 1:
        labels = labels.view(-1, 1)
    emb = -term_a.gather(dim=-1, index=labels)
    w_ = -term_a.sum(dim=-1, keepdim=True)
    if lp is not None:
        y_true = labels.eq(lp)
        emb.masked_fill_(y_true, 0.0)
        w_.masked_fill_(y_true, 0.0)
    else:
        emb = emb.squeeze(-1)
        w_ = w_.squeeze(-1)
    if b0:
        emb = emb.sum()
        w_ = w_.sum()
    z = alpha / (term_a.size(-1) - 1)
    dist = (1.0 - alpha - z) * emb + z * w_
    return (dist, emb)
