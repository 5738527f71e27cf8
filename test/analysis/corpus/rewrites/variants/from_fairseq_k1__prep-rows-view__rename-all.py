# rewrite-of: bases/from_fairseq_k1.py via prep-rows-view, rename-all
import torch
import torch.nn.functional as F

def objective(prev, term_a, alpha, lp=None, u=True):
    prev = prev.view(-1, prev.size(-1))
    if term_a.dim() == prev.dim() - 1:
        term_a = term_a.unsqueeze(-1)
    outputs = -prev.gather(dim=-1, index=term_a)
    w_ = -prev.sum(dim=-1, keepdim=True)
    if lp is not None:
        acc = term_a.eq(lp)
        outputs.masked_fill_(acc, 0.0)
        w_.masked_fill_(acc, 0.0)
    else:
        outputs = outputs.squeeze(-1)
        w_ = w_.squeeze(-1)
    if u:
        outputs = outputs.sum()
        w_ = w_.sum()
    cur = alpha / (prev.size(-1) - 1)
    logq = (1.0 - alpha - cur) * outputs + cur * w_
    return (logq, outputs)
