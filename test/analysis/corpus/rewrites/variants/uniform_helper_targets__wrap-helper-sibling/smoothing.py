# rewrite-of: bases/uniform_helper_targets.py via wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(target, num_classes, eps):
    q = torch.full((target.size(0), num_classes), eps / num_classes)
    return q.scatter(1, target.unsqueeze(1), 1.0 - eps + eps / num_classes)

def build_soft_targets(target, logits, eps):
    q = smooth_targets(target, logits.size(1), eps)
    return q
