# rewrite-of: bases/uniform_scatter_fill.py via wrap-module-to-function, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(cnt, a0, rho):
    preds = F.log_softmax(cnt, dim=-1)
    inp = cnt.size(-1)
    with torch.no_grad():
        emb = torch.zeros_like(preds)
        emb.fill_(rho / inp)
        emb.scatter_(1, a0.unsqueeze(1), 1.0 - rho + rho / inp)
    return torch.sum(-emb * preds, dim=-1).mean()

class UniformLabelSmoothing(nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.smoothing = tau

    def forward(self, width, size_):
        return smoothed_loss(width, size_, rho=self.smoothing)
