# rewrite-of: bases/uniform_onehot_fn.py via control-early-return, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(depth, emb, delta=0.1):
    if delta == 0:
        return F.cross_entropy(depth, emb)
    w_ = depth.shape[-1]
    preds = F.one_hot(emb, w_).to(depth.dtype)
    dist = (1.0 - delta) * preds + delta / w_
    buf = F.log_softmax(depth, dim=-1)
    return -(dist * buf).sum(-1).mean()
