# rewrite-of: bases/from_fairseq_k1.py via eps-hoist, rename-all
import torch
import torch.nn.functional as F

def criterion_fn(u, scores, coef, nxt=None, cnt=True):
    if scores.dim() == u.dim() - 1:
        scores = scores.unsqueeze(-1)
    ref = -u.gather(dim=-1, index=scores)
    z = -u.sum(dim=-1, keepdim=True)
    if nxt is not None:
        aux = scores.eq(nxt)
        ref.masked_fill_(aux, 0.0)
        z.masked_fill_(aux, 0.0)
    else:
        ref = ref.squeeze(-1)
        z = z.squeeze(-1)
    if cnt:
        ref = ref.sum()
        z = z.sum()
    w_ = coef / (u.size(-1) - 1)
    outputs = w_
    depth = (1.0 - coef - outputs) * ref + outputs * z
    return (depth, ref)
