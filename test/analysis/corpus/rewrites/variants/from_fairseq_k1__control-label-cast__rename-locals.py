# rewrite-of: bases/from_fairseq_k1.py via control-label-cast, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(arr, logq, coef, gold=None, acc=True):
    logq = logq.long()
    if logq.dim() == arr.dim() - 1:
        logq = logq.unsqueeze(-1)
    a0 = -arr.gather(dim=-1, index=logq)
    ref = -arr.sum(dim=-1, keepdim=True)
    if gold is not None:
        prev = logq.eq(gold)
        a0.masked_fill_(prev, 0.0)
        ref.masked_fill_(prev, 0.0)
    else:
        a0 = a0.squeeze(-1)
        ref = ref.squeeze(-1)
    if acc:
        a0 = a0.sum()
        ref = ref.sum()
    w_ = coef / (arr.size(-1) - 1)
    h = (1.0 - coef - w_) * a0 + w_ * ref
    return (h, a0)
