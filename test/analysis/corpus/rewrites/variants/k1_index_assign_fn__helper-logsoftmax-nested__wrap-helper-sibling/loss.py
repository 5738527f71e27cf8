# rewrite-of: bases/k1_index_assign_fn.py via helper-logsoftmax-nested, wrap-helper-sibling
import torch
import torch.nn.functional as F
from .smoothing import smoothed_labels

def k_minus_one_smoothing_loss(logits, target, eps=0.1):

    def normalize_logits(logits_):
        return F.log_softmax(logits_, dim=-1)
    n, k = logits.shape
    logp = normalize_logits(logits)
    q = smoothed_labels(logp, eps, k, target, n)
    return -(q * logp).sum()
