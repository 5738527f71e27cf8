# rewrite-of: bases/k1_fill_scatter.py via form-mix-sum, rename-attrs
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.red = 1.0 - smoothing
        self.k_ = smoothing
        self.alpha = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        nll_loss = -pred.gather(-1, target.unsqueeze(-1)).squeeze(-1)
        smooth_loss = -pred.sum(dim=-1)
        return torch.mean((1.0 - self.k_) * nll_loss + self.k_ / (pred.size(-1) - 1) * (smooth_loss - nll_loss))
