# rewrite-of: bases/uniform_sum_fn.py via arith-unsqueeze-none-index, rename-all
import torch
import torch.nn.functional as F

def head_loss(preds, a0, gamma_=0.1):
    aux = preds.log_softmax(dim=-1)
    emb = -aux.gather(dim=-1, index=a0[:, None]).sum()
    d0 = -aux.sum()
    arr = gamma_ / aux.size(-1)
    return (1.0 - gamma_) * emb + arr * d0
