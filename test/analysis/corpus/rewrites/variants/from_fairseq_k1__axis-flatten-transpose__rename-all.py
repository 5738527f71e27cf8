# rewrite-of: bases/from_fairseq_k1.py via axis-flatten-transpose, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(preds, lp, amount, cnt=None, arr=True):
    preds = preds.transpose(1, 2).contiguous().view(-1, preds.size(1))
    lp = lp.contiguous().view(-1)
    if lp.dim() == preds.dim() - 1:
        lp = lp.unsqueeze(-1)
    acc = -preds.gather(dim=-1, index=lp)
    y_true = -preds.sum(dim=-1, keepdim=True)
    if cnt is not None:
        buf = lp.eq(cnt)
        acc.masked_fill_(buf, 0.0)
        y_true.masked_fill_(buf, 0.0)
    else:
        acc = acc.squeeze(-1)
        y_true = y_true.squeeze(-1)
    if arr:
        acc = acc.sum()
        y_true = y_true.sum()
    size_ = amount / (preds.size(-1) - 1)
    w_ = (1.0 - amount - size_) * acc + size_ * y_true
    return (w_, acc)
