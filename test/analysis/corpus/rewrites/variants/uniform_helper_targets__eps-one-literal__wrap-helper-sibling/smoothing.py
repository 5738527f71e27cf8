# rewrite-of: bases/uniform_helper_targets.py via eps-one-literal, wrap-helper-sibling
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(target, num_classes, eps):
    q = torch.full((target.size(0), num_classes), eps / num_classes)
    return q.scatter(1, target.unsqueeze(1), 1 - eps + eps / num_classes)

def smoothed_labels(target, logits, eps):
    q = smooth_targets(target, logits.size(1), eps)
    return q
