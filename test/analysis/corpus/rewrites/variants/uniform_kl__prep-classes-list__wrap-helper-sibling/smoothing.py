# rewrite-of: bases/uniform_kl.py via prep-classes-list, wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def make_target_distribution(logp, k, labels, label_smoothing):
    smoothed = torch.full_like(logp, label_smoothing / k)
    smoothed.scatter_(1, labels.unsqueeze(1), 1.0 - label_smoothing + label_smoothing / k)
    return smoothed
