# rewrite-of: bases/k1_fill_scatter.py via spell-onehot-one-hot-mix, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, part, rho=0.1):
        super().__init__()
        self.confidence = 1.0 - rho
        self.smoothing = rho
        self.cls = part

    def forward(self, outputs, c0):
        outputs = outputs.log_softmax(dim=-1)
        with torch.no_grad():
            b0 = torch.zeros_like(outputs)
            b0.fill_(self.smoothing / (self.cls - 1))
            b0 = b0 * (1 - F.one_hot(c0, b0.size(-1)).to(b0.dtype)) + self.confidence * F.one_hot(c0, b0.size(-1)).to(b0.dtype)
        return torch.mean(torch.sum(-b0 * outputs, dim=-1))
