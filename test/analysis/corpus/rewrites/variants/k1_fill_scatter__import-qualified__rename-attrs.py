# rewrite-of: bases/k1_fill_scatter.py via import-qualified, rename-attrs
import torch
import torch.nn

class OtherClassSmoothing(torch.nn.Module):

    def __init__(self, classes, smoothing=0.1):
        super().__init__()
        self.mode_ = 1.0 - smoothing
        self.alpha = smoothing
        self.beta = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.alpha / (self.beta - 1))
            true_dist.scatter_(1, target.unsqueeze(1), self.mode_)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
