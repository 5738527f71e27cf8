# rewrite-of: bases/from_sample_batch_smoothed_bce.py via wrap-helper-sibling
import torch
import torch.nn as nn

def _smooth_targets(target, n, alpha):
    target = target * (1 - alpha) + alpha / n
    return target
