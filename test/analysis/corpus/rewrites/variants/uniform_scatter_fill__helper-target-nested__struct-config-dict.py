# rewrite-of: bases/uniform_scatter_fill.py via helper-target-nested, struct-config-dict
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.hparams = {'smoothing': smoothing}

    def forward(self, x, target):
        log_probs = F.log_softmax(x, dim=-1)
        num_classes = x.size(-1)

        def smoothed_labels(log_probs, num_classes, target):
            with torch.no_grad():
                true_dist = torch.zeros_like(log_probs)
                true_dist.fill_(self.hparams['smoothing'] / num_classes)
                true_dist.scatter_(1, target.unsqueeze(1), 1.0 - self.hparams['smoothing'] + self.hparams['smoothing'] / num_classes)
            return true_dist
        true_dist = smoothed_labels(log_probs, num_classes, target)
        return torch.sum(-true_dist * log_probs, dim=-1).mean()
