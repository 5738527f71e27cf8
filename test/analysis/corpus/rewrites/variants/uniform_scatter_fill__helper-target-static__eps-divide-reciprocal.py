# rewrite-of: bases/uniform_scatter_fill.py via helper-target-static, eps-divide-reciprocal
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    @staticmethod
    def smoothed_labels(log_probs, num_classes, target, smoothing):
        with torch.no_grad():
            true_dist = torch.zeros_like(log_probs)
            true_dist.fill_(smoothing * (1.0 / num_classes))
            true_dist.scatter_(1, target.unsqueeze(1), 1.0 - smoothing + smoothing * (1.0 / num_classes))
        return true_dist

    def forward(self, x, target):
        log_probs = F.log_softmax(x, dim=-1)
        num_classes = x.size(-1)
        true_dist = self.smoothed_labels(log_probs, num_classes, target, self.smoothing)
        return torch.sum(-true_dist * log_probs, dim=-1).mean()
