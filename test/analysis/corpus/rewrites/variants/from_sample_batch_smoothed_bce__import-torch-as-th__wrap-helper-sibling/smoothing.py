# rewrite-of: bases/from_sample_batch_smoothed_bce.py via import-torch-as-th, wrap-helper-sibling
import torch as th
import torch.nn as nn

def smoothed_labels(target, n, alpha):
    target = target * (1 - alpha) + alpha / n
    return target
