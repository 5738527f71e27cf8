# rewrite-of: bases/k1_fill_scatter.py via eps-hoist, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, cur, tau=0.1):
        super().__init__()
        self.confidence = 1.0 - tau
        self.smoothing = tau
        self.cls = cur

    def forward(self, tmp, prev):
        tmp = tmp.log_softmax(dim=-1)
        with torch.no_grad():
            z = torch.zeros_like(tmp)
            a0 = self.smoothing / (self.cls - 1)
            z.fill_(a0)
            z.scatter_(1, prev.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-z * tmp, dim=-1))
