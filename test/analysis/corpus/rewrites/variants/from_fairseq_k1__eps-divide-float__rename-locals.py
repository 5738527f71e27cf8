# rewrite-of: bases/from_fairseq_k1.py via eps-divide-float, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(buf, dist, lam, arr=None, cnt=True):
    if dist.dim() == buf.dim() - 1:
        dist = dist.unsqueeze(-1)
    preds = -buf.gather(dim=-1, index=dist)
    gold = -buf.sum(dim=-1, keepdim=True)
    if arr is not None:
        inp = dist.eq(arr)
        preds.masked_fill_(inp, 0.0)
        gold.masked_fill_(inp, 0.0)
    else:
        preds = preds.squeeze(-1)
        gold = gold.squeeze(-1)
    if cnt:
        preds = preds.sum()
        gold = gold.sum()
    d0 = lam / float(buf.size(-1) - 1)
    b0 = (1.0 - lam - d0) * preds + d0 * gold
    return (b0, preds)
