# rewrite-of: bases/from_fairseq_k1.py via shape-shape-last, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(preds, part, mix, z=None, outputs=True):
    if part.dim() == preds.dim() - 1:
        part = part.unsqueeze(-1)
    aux = -preds.gather(dim=-1, index=part)
    a0 = -preds.sum(dim=-1, keepdim=True)
    if z is not None:
        size_ = part.eq(z)
        aux.masked_fill_(size_, 0.0)
        a0.masked_fill_(size_, 0.0)
    else:
        aux = aux.squeeze(-1)
        a0 = a0.squeeze(-1)
    if outputs:
        aux = aux.sum()
        a0 = a0.sum()
    h = mix / (preds.shape[-1] - 1)
    nxt = (1.0 - mix - h) * aux + h * a0
    return (nxt, aux)
