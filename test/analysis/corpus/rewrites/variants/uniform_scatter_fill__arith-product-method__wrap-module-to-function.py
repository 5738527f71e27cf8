# rewrite-of: bases/uniform_scatter_fill.py via arith-product-method, wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(x, target, smoothing):
    log_probs = F.log_softmax(x, dim=-1)
    num_classes = x.size(-1)
    with torch.no_grad():
        true_dist = torch.zeros_like(log_probs)
        true_dist.fill_(smoothing / num_classes)
        true_dist.scatter_(1, target.unsqueeze(1), 1.0 - smoothing + smoothing / num_classes)
    return torch.sum(log_probs.mul(-true_dist), dim=-1).mean()

class UniformLabelSmoothing(nn.Module):

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, x, target):
        return smoothed_loss(x, target, smoothing=self.smoothing)
