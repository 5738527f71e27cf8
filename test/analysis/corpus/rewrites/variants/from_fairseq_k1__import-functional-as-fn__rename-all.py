# rewrite-of: bases/from_fairseq_k1.py via import-functional-as-fn, rename-all
import torch
import torch.nn.functional as fn

def compute_loss(u, width, rho, part=None, dist=True):
    if width.dim() == u.dim() - 1:
        width = width.unsqueeze(-1)
    prev = -u.gather(dim=-1, index=width)
    arr = -u.sum(dim=-1, keepdim=True)
    if part is not None:
        nxt = width.eq(part)
        prev.masked_fill_(nxt, 0.0)
        arr.masked_fill_(nxt, 0.0)
    else:
        prev = prev.squeeze(-1)
        arr = arr.squeeze(-1)
    if dist:
        prev = prev.sum()
        arr = arr.sum()
    emb = rho / (u.size(-1) - 1)
    tgt = (1.0 - rho - emb) * prev + emb * arr
    return (tgt, prev)
