# rewrite-of: bases/k1_fill_scatter.py via form-mix-nll-call
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        nll_loss = F.nll_loss(pred, target, reduction='none')
        smooth_loss = -pred.sum(dim=-1)
        return torch.mean((1.0 - self.smoothing) * nll_loss + self.smoothing / (pred.size(-1) - 1) * (smooth_loss - nll_loss))
