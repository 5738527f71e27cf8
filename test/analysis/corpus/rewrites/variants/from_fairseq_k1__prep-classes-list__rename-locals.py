# rewrite-of: bases/from_fairseq_k1.py via prep-classes-list, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(val, arr, alpha, inp=None, size_=True, *, h):
    if arr.dim() == val.dim() - 1:
        arr = arr.unsqueeze(-1)
    outputs = -val.gather(dim=-1, index=arr)
    tmp = -val.sum(dim=-1, keepdim=True)
    if inp is not None:
        cur = arr.eq(inp)
        outputs.masked_fill_(cur, 0.0)
        tmp.masked_fill_(cur, 0.0)
    else:
        outputs = outputs.squeeze(-1)
        tmp = tmp.squeeze(-1)
    if size_:
        outputs = outputs.sum()
        tmp = tmp.sum()
    width = alpha / (len(h) - 1)
    mat = (1.0 - alpha - width) * outputs + width * tmp
    return (mat, outputs)
