# rewrite-of: bases/uniform_onehot_fn.py via control-assert-range, rename-locals
import torch
import torch.nn.functional as F

def smoothed_cross_entropy(cur, dist, rho=0.1):
    assert 0 <= rho < 1, 'smoothing must be in [0, 1)'
    scores = cur.shape[-1]
    store = F.one_hot(dist, scores).to(cur.dtype)
    preds = (1.0 - rho) * store + rho / scores
    outputs = F.log_softmax(cur, dim=-1)
    return -(preds * outputs).sum(-1).mean()
