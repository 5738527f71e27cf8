# rewrite-of: bases/from_fairseq_k1.py via rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(term_b, arr, alpha, vec=None, y_true=True):
    if arr.dim() == term_b.dim() - 1:
        arr = arr.unsqueeze(-1)
    term_a = -term_b.gather(dim=-1, index=arr)
    inp = -term_b.sum(dim=-1, keepdim=True)
    if vec is not None:
        prev = arr.eq(vec)
        term_a.masked_fill_(prev, 0.0)
        inp.masked_fill_(prev, 0.0)
    else:
        term_a = term_a.squeeze(-1)
        inp = inp.squeeze(-1)
    if y_true:
        term_a = term_a.sum()
        inp = inp.sum()
    emb = alpha / (term_b.size(-1) - 1)
    acc = (1.0 - alpha - emb) * term_a + emb * inp
    return (acc, term_a)
