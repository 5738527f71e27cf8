# rewrite-of: bases/k1_fill_scatter.py via rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, cnt, rho=0.1):
        super().__init__()
        self.confidence = 1.0 - rho
        self.smoothing = rho
        self.cls = cnt

    def forward(self, y_true, aux):
        y_true = y_true.log_softmax(dim=-1)
        with torch.no_grad():
            tmp = torch.zeros_like(y_true)
            tmp.fill_(self.smoothing / (self.cls - 1))
            tmp.scatter_(1, aux.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-tmp * y_true, dim=-1))
