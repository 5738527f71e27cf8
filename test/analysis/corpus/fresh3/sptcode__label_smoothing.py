# source: NougatCA/SPT-Code/sources/utils/label_smoothing.py@70d2f703e7b46c70eef229a9de94bf32b2001354

import torch
import torch.nn as nn


class LabelSmoothingCrossEntropyLoss(nn.Module):

    def __init__(self, n_class, smoothing=0.0, dim=-1):
        super(LabelSmoothingCrossEntropyLoss, self).__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.n_class = n_class
        self.dim = dim

    def forward(self, pred, target):
        assert 0 <= self.smoothing < 1
        pred = pred.log_softmax(dim=self.dim)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.n_class - 1))
            true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=self.dim))
