# rewrite-of: bases/from_fairseq_k1.py via import-qualified, rename-all
import torch
import torch.nn.functional

def train_objective(c0, prev, delta, store=None, d0=True):
    if prev.dim() == c0.dim() - 1:
        prev = prev.unsqueeze(-1)
    ref = -c0.gather(dim=-1, index=prev)
    inp = -c0.sum(dim=-1, keepdim=True)
    if store is not None:
        buf = prev.eq(store)
        ref.masked_fill_(buf, 0.0)
        inp.masked_fill_(buf, 0.0)
    else:
        ref = ref.squeeze(-1)
        inp = inp.squeeze(-1)
    if d0:
        ref = ref.sum()
        inp = inp.sum()
    scores = delta / (c0.size(-1) - 1)
    term_b = (1.0 - delta - scores) * ref + scores * inp
    return (term_b, ref)
