# rewrite-of: bases/from_fairseq_k1.py via prep-labels-view, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(y_true, term_a, rho, cur=None, preds=True):
    term_a = term_a.view(-1)
    if term_a.dim() == y_true.dim() - 1:
        term_a = term_a.unsqueeze(-1)
    arr = -y_true.gather(dim=-1, index=term_a)
    prev = -y_true.sum(dim=-1, keepdim=True)
    if cur is not None:
        vec = term_a.eq(cur)
        arr.masked_fill_(vec, 0.0)
        prev.masked_fill_(vec, 0.0)
    else:
        arr = arr.squeeze(-1)
        prev = prev.squeeze(-1)
    if preds:
        arr = arr.sum()
        prev = prev.sum()
    mat = rho / (y_true.size(-1) - 1)
    depth = (1.0 - rho - mat) * arr + mat * prev
    return (depth, arr)
