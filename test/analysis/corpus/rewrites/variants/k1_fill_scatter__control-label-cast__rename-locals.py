# rewrite-of: bases/k1_fill_scatter.py via control-label-cast, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, prev, amount=0.1):
        super().__init__()
        self.confidence = 1.0 - amount
        self.smoothing = amount
        self.cls = prev

    def forward(self, arr, b0):
        b0 = b0.long()
        arr = arr.log_softmax(dim=-1)
        with torch.no_grad():
            labels = torch.zeros_like(arr)
            labels.fill_(self.smoothing / (self.cls - 1))
            labels.scatter_(1, b0.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-labels * arr, dim=-1))
