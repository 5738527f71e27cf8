# rewrite-of: bases/binary_bce_logits.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def make_target_distribution(target, eps):
    soft = target * (1.0 - eps) + eps / 2
    return soft
