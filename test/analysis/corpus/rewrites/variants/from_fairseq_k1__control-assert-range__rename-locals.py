# rewrite-of: bases/from_fairseq_k1.py via control-assert-range, rename-locals
import torch
import torch.nn.functional as F

def label_smoothed_nll_loss(tmp, ref, mix, size_=None, mat=True):
    assert 0 <= mix < 1, 'smoothing must be in [0, 1)'
    if ref.dim() == tmp.dim() - 1:
        ref = ref.unsqueeze(-1)
    z = -tmp.gather(dim=-1, index=ref)
    nxt = -tmp.sum(dim=-1, keepdim=True)
    if size_ is not None:
        emb = ref.eq(size_)
        z.masked_fill_(emb, 0.0)
        nxt.masked_fill_(emb, 0.0)
    else:
        z = z.squeeze(-1)
        nxt = nxt.squeeze(-1)
    if mat:
        z = z.sum()
        nxt = nxt.sum()
    arr = mix / (tmp.size(-1) - 1)
    w_ = (1.0 - mix - arr) * z + arr * nxt
    return (w_, z)
