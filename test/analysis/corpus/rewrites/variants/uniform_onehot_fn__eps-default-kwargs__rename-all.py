# rewrite-of: bases/uniform_onehot_fn.py via eps-default-kwargs, rename-all
import torch
import torch.nn.functional as F

def objective(cur, c0, **kwargs):
    arr = kwargs.get('eps', 0.1)
    d0 = cur.shape[-1]
    mat = F.one_hot(c0, d0).to(cur.dtype)
    z = (1.0 - arr) * mat + arr / d0
    aux = F.log_softmax(cur, dim=-1)
    return -(z * aux).sum(-1).mean()
