# rewrite-of: bases/k1_fill_scatter.py via eps-confidence-in-forward, rename-attrs
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.red = smoothing
        self.mix = classes

    def forward(self, pred, target):
        confidence_ = 1.0 - self.red
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.red / (self.mix - 1))
            true_dist.scatter_(1, target.unsqueeze(1), confidence_)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
