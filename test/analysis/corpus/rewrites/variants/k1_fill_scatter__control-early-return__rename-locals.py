# rewrite-of: bases/k1_fill_scatter.py via control-early-return, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, b0, amount=0.1):
        super().__init__()
        self.confidence = 1.0 - amount
        self.smoothing = amount
        self.cls = b0

    def forward(self, store, y_true):
        if self.smoothing == 0:
            return F.cross_entropy(store, y_true)
        store = store.log_softmax(dim=-1)
        with torch.no_grad():
            ref = torch.zeros_like(store)
            ref.fill_(self.smoothing / (self.cls - 1))
            ref.scatter_(1, y_true.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-ref * store, dim=-1))
