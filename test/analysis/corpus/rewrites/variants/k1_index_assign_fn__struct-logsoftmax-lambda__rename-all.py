# rewrite-of: bases/k1_index_assign_fn.py via struct-logsoftmax-lambda, rename-all
import torch
import torch.nn.functional as F

def head_loss(inp, tgt, gamma_=0.1):
    acc = lambda s: F.log_softmax(s, dim=-1)
    gold, aux = inp.shape
    nxt = acc(inp)
    scores = torch.full_like(nxt, gamma_ / (aux - 1))
    scores[torch.arange(gold), tgt] = 1.0 - gamma_
    return -(scores * nxt).sum()
