# rewrite-of: bases/from_sample_batch_smoothed_bce.py via control-label-cast, wrap-helper-sibling
import torch
import torch.nn as nn

def _smooth_targets(probs, target):
    target = target.type_as(probs)
    return target
