# rewrite-of: bases/uniform_onehot_fn.py via spell-reduce-method-kw, rename-all
import torch
import torch.nn.functional as F

def objective(acc, c0, delta=0.1):
    term_b = acc.shape[-1]
    labels = F.one_hot(c0, term_b).to(acc.dtype)
    store = (1.0 - delta) * labels + delta / term_b
    emb = F.log_softmax(acc, dim=-1)
    return -(store * emb).sum(dim=-1).mean()
