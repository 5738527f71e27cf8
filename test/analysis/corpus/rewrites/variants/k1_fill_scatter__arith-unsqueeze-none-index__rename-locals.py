# rewrite-of: bases/k1_fill_scatter.py via arith-unsqueeze-none-index, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, dist, lam=0.1):
        super().__init__()
        self.confidence = 1.0 - lam
        self.smoothing = lam
        self.cls = dist

    def forward(self, preds, cur):
        preds = preds.log_softmax(dim=-1)
        with torch.no_grad():
            mat = torch.zeros_like(preds)
            mat.fill_(self.smoothing / (self.cls - 1))
            mat.scatter_(1, cur[:, None], self.confidence)
        return torch.mean(torch.sum(-mat * preds, dim=-1))
