# rewrite-of: bases/uniform_scatter_fill.py via helper-target-static, form-mix-sum
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
            true_dist.fill_(smoothing / num_classes)
            true_dist.scatter_(1, target.unsqueeze(1), 1.0 - smoothing + smoothing / num_classes)
        return true_dist

    def forward(self, x, target):
        log_probs = F.log_softmax(x, dim=-1)
        num_classes = x.size(-1)
        nll_loss = -log_probs.gather(-1, target.unsqueeze(-1)).squeeze(-1)
        smooth_loss = -log_probs.sum(dim=-1)
        return ((1.0 - self.smoothing) * nll_loss + self.smoothing / log_probs.size(-1) * smooth_loss).mean()
