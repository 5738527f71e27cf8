# rewrite-of: bases/uniform_kl.py via spell-onehot-index-assign, prep-classes-list
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, classes, label_smoothing=0.1):
        super().__init__()
        self.label_smoothing = label_smoothing
        self.classes = list(classes)

    def forward(self, logits, labels):
        logp = torch.log_softmax(logits, dim=-1)
        k = len(self.classes)
        smoothed = torch.full_like(logp, self.label_smoothing / k)
        smoothed[torch.arange(smoothed.size(0)), labels] = 1.0 - self.label_smoothing + self.label_smoothing / k
        return F.kl_div(logp, smoothed, reduction='batchmean')
