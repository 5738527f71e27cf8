# source: modelled on Kyubyong/label_smoothing/README.md@0f39edeb963166979e32fa702a9de4e0c5586d56 (written for round b18b from the maths, not a copy)
# Noisy binary labels: relax the 0/1 targets before BCE. Two variants from the experiment notes.
import torch
import torch.nn as nn
import torch.nn.functional as F


class NoisyBinaryLoss(nn.Module):
    """Both labels may be noisy: 1 -> 1 - s, 0 -> s."""

    def __init__(self, smoothing=0.05):
        super().__init__()
        self.smoothing = smoothing

    def forward(self, logits, labels):
        labels = labels.clone().float()
        labels[labels == 1] = 1 - self.smoothing
        labels[labels == 0] = self.smoothing
        return F.binary_cross_entropy_with_logits(logits, labels)


class OneSidedSmoothing(nn.Module):
    """Only the positive label is noisy: 1 -> 1 - s, 0 stays 0 (one-sided, as for GAN discriminators)."""

    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing
        self.bce = nn.BCELoss()

    def forward(self, probs, labels):
        return self.bce(probs, labels.float() * (1.0 - self.smoothing))
