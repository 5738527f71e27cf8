# rewrite-of: bases/from_fairseq_k1.py via arith-negate-mul-neg, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(tmp, h, mix, size_=None, d0=True):
    if h.dim() == tmp.dim() - 1:
        h = h.unsqueeze(-1)
    y_true = tmp.gather(dim=-1, index=h).mul(-1)
    mat = tmp.sum(dim=-1, keepdim=True).mul(-1)
    if size_ is not None:
        w_ = h.eq(size_)
        y_true.masked_fill_(w_, 0.0)
        mat.masked_fill_(w_, 0.0)
    else:
        y_true = y_true.squeeze(-1)
        mat = mat.squeeze(-1)
    if d0:
        y_true = y_true.sum()
        mat = mat.sum()
    part = mix / (tmp.size(-1) - 1)
    term_a = (1.0 - mix - part) * y_true + part * mat
    return (term_a, y_true)
