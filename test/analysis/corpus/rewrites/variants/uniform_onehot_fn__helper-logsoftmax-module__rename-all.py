# rewrite-of: bases/uniform_onehot_fn.py via helper-logsoftmax-module, rename-all
import torch
import torch.nn.functional as F

def _log_probs(outputs):
    return F.log_softmax(outputs, dim=-1)

def loss_fn(d0, labels, mix=0.1):
    part = d0.shape[-1]
    gold = F.one_hot(labels, part).to(d0.dtype)
    cur = (1.0 - mix) * gold + mix / part
    b0 = _log_probs(d0)
    return -(cur * b0).sum(-1).mean()
