# rewrite-of: bases/k1_fill_scatter.py via arith-unsqueeze-none-index, wrap-module-to-function
import torch
import torch.nn as nn

def smoothed_loss(pred, target, smoothing, cls, confidence):
    pred = pred.log_softmax(dim=-1)
    with torch.no_grad():
        true_dist = torch.zeros_like(pred)
        true_dist.fill_(smoothing / (cls - 1))
        true_dist.scatter_(1, target[:, None], confidence)
    return torch.mean(torch.sum(-true_dist * pred, dim=-1))

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        return smoothed_loss(pred, target, smoothing=self.smoothing, cls=self.cls, confidence=self.confidence)
