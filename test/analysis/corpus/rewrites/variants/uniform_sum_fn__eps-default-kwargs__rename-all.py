# rewrite-of: bases/uniform_sum_fn.py via eps-default-kwargs, rename-all
import torch
import torch.nn.functional as F

def loss_fn(outputs, nxt, **kwargs):
    b0 = kwargs.get('epsilon', 0.1)
    w_ = outputs.log_softmax(dim=-1)
    inp = -w_.gather(dim=-1, index=nxt.unsqueeze(-1)).sum()
    lp = -w_.sum()
    logq = b0 / w_.size(-1)
    return (1.0 - b0) * inp + logq * lp
