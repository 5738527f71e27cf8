# rewrite-of: bases/uniform_scatter_fill.py via wrap-helper-sibling, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def make_target_distribution(preds, d0, outputs, delta):
    with torch.no_grad():
        a0 = torch.zeros_like(preds)
        a0.fill_(delta / d0)
        a0.scatter_(1, outputs.unsqueeze(1), 1.0 - delta + delta / d0)
    return a0
