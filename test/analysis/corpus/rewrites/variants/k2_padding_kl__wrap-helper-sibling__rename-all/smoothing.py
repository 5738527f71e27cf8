# rewrite-of: bases/k2_padding_kl.py via wrap-helper-sibling, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_labels(term_b, ref, rho, logq, scores):
    size_ = torch.full_like(term_b, rho / (logq - 2))
    size_.scatter_(1, ref.unsqueeze(1), 1.0 - rho)
    size_[:, scores] = 0.0
    size_.masked_fill_((ref == scores).unsqueeze(1), 0.0)
    return size_
