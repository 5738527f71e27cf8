# rewrite-of: bases/from_annotated_transformer.py via eps-default-module-constant, wrap-helper-sibling
import torch
import torch.nn as nn

def smoothed_labels(x, target, smoothing, size, confidence, padding_idx):
    true_dist = x.data.clone()
    true_dist.fill_(smoothing / (size - 2))
    true_dist.scatter_(1, target.data.unsqueeze(1), confidence)
    true_dist[:, padding_idx] = 0
    mask = torch.nonzero(target.data == padding_idx)
    if mask.dim() > 0:
        true_dist.index_fill_(0, mask.squeeze(), 0.0)
    return true_dist
