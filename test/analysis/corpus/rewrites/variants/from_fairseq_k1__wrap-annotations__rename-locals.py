# rewrite-of: bases/from_fairseq_k1.py via wrap-annotations, rename-locals
import torch
import torch.nn.functional as F
from torch import Tensor

def label_smoothed_nll_loss(term_a: Tensor, b0: Tensor, coef, cur=None, aux=True) -> Tensor:
    """Computes the loss of the logits against the target."""
    if b0.dim() == term_a.dim() - 1:
        b0 = b0.unsqueeze(-1)
    y_true = -term_a.gather(dim=-1, index=b0)
    preds = -term_a.sum(dim=-1, keepdim=True)
    if cur is not None:
        a0 = b0.eq(cur)
        y_true.masked_fill_(a0, 0.0)
        preds.masked_fill_(a0, 0.0)
    else:
        y_true = y_true.squeeze(-1)
        preds = preds.squeeze(-1)
    if aux:
        y_true = y_true.sum()
        preds = preds.sum()
    inp = coef / (term_a.size(-1) - 1)
    buf = (1.0 - coef - inp) * y_true + inp * preds
    return (buf, y_true)
