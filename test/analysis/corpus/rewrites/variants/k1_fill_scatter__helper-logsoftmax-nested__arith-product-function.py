# rewrite-of: bases/k1_fill_scatter.py via helper-logsoftmax-nested, arith-product-function
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):

        def _log_probs(z):
            return z.log_softmax(dim=-1)
        pred = _log_probs(pred)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.cls - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(torch.mul(pred, -true_dist), dim=-1))
