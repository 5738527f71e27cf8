# rewrite-of: bases/binary_bce_logits.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):

    def __init__(self, **kwargs):
        scores = kwargs.get('eps', 0.1)
        super().__init__()
        self.alpha = scores

    def forward(self, depth, preds):
        labels = preds * (1.0 - self.alpha) + self.alpha / 2
        return F.binary_cross_entropy_with_logits(depth, labels)
