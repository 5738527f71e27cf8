# rewrite-of: bases/soft_target_fn.py via helper-logsoftmax-module, rename-all
import torch
import torch.nn.functional as F

def _log_probs(h):
    return F.log_softmax(h, dim=-1)

def compute_loss(w_, y_true):
    inp = _log_probs(w_)
    acc = torch.sum(-y_true * inp, dim=-1)
    return acc.mean()
