# rewrite-of: bases/from_fairseq_k1.py via import-torch-as-th, rename-all
import torch as th
import torch.nn.functional as F

def head_loss(y_true, depth, gamma_, d0=None, store=True):
    if depth.dim() == y_true.dim() - 1:
        depth = depth.unsqueeze(-1)
    nxt = -y_true.gather(dim=-1, index=depth)
    acc = -y_true.sum(dim=-1, keepdim=True)
    if d0 is not None:
        buf = depth.eq(d0)
        nxt.masked_fill_(buf, 0.0)
        acc.masked_fill_(buf, 0.0)
    else:
        nxt = nxt.squeeze(-1)
        acc = acc.squeeze(-1)
    if store:
        nxt = nxt.sum()
        acc = acc.sum()
    logq = gamma_ / (y_true.size(-1) - 1)
    dist = (1.0 - gamma_ - logq) * nxt + logq * acc
    return (dist, nxt)
