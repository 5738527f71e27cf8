# rewrite-of: bases/k1_index_assign_fn.py via wrap-helper-sibling, rename-locals
import torch
import torch.nn.functional as F
from .smoothing import _smooth_targets

def k_minus_one_smoothing_loss(preds, prev, rho=0.1):
    tgt, acc = preds.shape
    gold = F.log_softmax(preds, dim=-1)
    emb = _smooth_targets(gold, rho, acc, prev, tgt)
    return -(emb * gold).sum()
