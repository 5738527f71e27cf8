# rewrite-of: bases/k1_fill_scatter.py via eps-default-module-constant, rename-attrs
import torch
import torch.nn as nn
LABEL_SMOOTHING = 0.1

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=LABEL_SMOOTHING):
        super().__init__()
        self.p0 = 1.0 - smoothing
        self.mode_ = smoothing
        self.scale_ = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.mode_ / (self.scale_ - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.p0)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
