# rewrite-of: bases/from_fairseq_k1.py via eps-one-literal, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(inp, preds, gamma_, lp=None, vec=True):
    if preds.dim() == inp.dim() - 1:
        preds = preds.unsqueeze(-1)
    c0 = -inp.gather(dim=-1, index=preds)
    arr = -inp.sum(dim=-1, keepdim=True)
    if lp is not None:
        tgt = preds.eq(lp)
        c0.masked_fill_(tgt, 0.0)
        arr.masked_fill_(tgt, 0.0)
    else:
        c0 = c0.squeeze(-1)
        arr = arr.squeeze(-1)
    if vec:
        c0 = c0.sum()
        arr = arr.sum()
    logq = gamma_ / (inp.size(-1) - 1)
    b0 = (1 - gamma_ - logq) * c0 + logq * arr
    return (b0, c0)
