# rewrite-of: bases/k1_fill_scatter.py via shape-from-input, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, dist, beta=0.1):
        super().__init__()
        self.confidence = 1.0 - beta
        self.smoothing = beta
        self.cls = dist

    def forward(self, y_true, outputs):
        y_true = y_true.log_softmax(dim=-1)
        with torch.no_grad():
            cnt = torch.zeros_like(y_true)
            cnt.fill_(self.smoothing / (y_true.size(-1) - 1))
            cnt.scatter_(1, outputs.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-cnt * y_true, dim=-1))
