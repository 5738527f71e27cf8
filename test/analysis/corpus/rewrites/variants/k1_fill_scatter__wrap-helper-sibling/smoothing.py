# rewrite-of: bases/k1_fill_scatter.py via wrap-helper-sibling
import torch
import torch.nn as nn

def make_target_distribution(pred, target, confidence, smoothing, cls):
    with torch.no_grad():
        true_dist = torch.zeros_like(pred)
        true_dist.fill_(smoothing / (cls - 1))
        true_dist.scatter_(1, target.unsqueeze(1), confidence)
    return true_dist
