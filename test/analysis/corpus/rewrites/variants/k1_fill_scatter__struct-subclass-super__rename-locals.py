# rewrite-of: bases/k1_fill_scatter.py via struct-subclass-super, rename-locals
import torch
import torch.nn as nn

class _OtherClassSmoothingBase(nn.Module):

    def __init__(val, aux, gamma_=0.1):
        super().__init__()
        val.confidence = 1.0 - gamma_
        val.smoothing = gamma_
        val.cls = aux

    def forward(y_true, u, a0):
        u = u.log_softmax(dim=-1)
        with torch.no_grad():
            emb = torch.zeros_like(u)
            emb.fill_(y_true.smoothing / (y_true.cls - 1))
            emb.scatter_(1, a0.unsqueeze(1), y_true.confidence)
        return torch.mean(torch.sum(-emb * u, dim=-1))

class OtherClassSmoothing(_OtherClassSmoothingBase):

    def forward(self, scores, vec):
        return super().forward(scores, vec)
