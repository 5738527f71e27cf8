# rewrite-of: bases/k1_fill_scatter.py via struct-classmethod-target, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, vec, amount=0.1):
        super().__init__()
        self.confidence = 1.0 - amount
        self.smoothing = amount
        self.cls = vec

    @classmethod
    def _smooth_targets(preds, logq, val, prev, coef, scores):
        with torch.no_grad():
            buf = torch.zeros_like(logq)
            buf.fill_(coef / (scores - 1))
            buf.scatter_(1, val.unsqueeze(1), prev)
        return buf

    def forward(self, tmp, size_):
        tmp = tmp.log_softmax(dim=-1)
        ref = self._smooth_targets(tmp, size_, self.confidence, self.smoothing, self.cls)
        return torch.mean(torch.sum(-ref * tmp, dim=-1))
