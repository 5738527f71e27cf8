# rewrite-of: bases/k1_fill_scatter.py via prep-labels-view, rename-attrs
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.p0 = 1.0 - smoothing
        self.n_out = smoothing
        self.mode_ = classes

    def forward(self, pred, target):
        target = target.view(-1)
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.n_out / (self.mode_ - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.p0)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
