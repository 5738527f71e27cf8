# rewrite-of: bases/k1_fill_scatter.py via arith-negate-mul-minus-one, rename-attrs
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.alpha = 1.0 - smoothing
        self.wt = smoothing
        self.red = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.wt / (self.red - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.alpha)
        return torch.mean(torch.sum(-1.0 * true_dist * pred, dim=-1))
