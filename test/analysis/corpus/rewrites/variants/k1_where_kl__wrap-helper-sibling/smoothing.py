# rewrite-of: bases/k1_where_kl.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def make_target_distribution(hit, k, alpha):
    q = torch.where(hit, 1.0 - alpha, alpha / (k - 1))
    return q
