# rewrite-of: bases/k1_fill_scatter.py via struct-classmethod-target, eps-divide-float
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    @classmethod
    def build_soft_targets(klass, pred, target, confidence, smoothing, cls):
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(smoothing / float(cls - 1))
            true_dist.scatter_(1, target.unsqueeze(1), confidence)
        return true_dist

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        true_dist = self.build_soft_targets(pred, target, self.confidence, self.smoothing, self.cls)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
