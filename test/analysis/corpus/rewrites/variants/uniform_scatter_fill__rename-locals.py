# rewrite-of: bases/uniform_scatter_fill.py via rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha

    def forward(self, gold, outputs):
        lp = F.log_softmax(gold, dim=-1)
        preds = gold.size(-1)
        with torch.no_grad():
            a0 = torch.zeros_like(lp)
            a0.fill_(self.smoothing / preds)
            a0.scatter_(1, outputs.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / preds)
        return torch.sum(-a0 * lp, dim=-1).mean()
