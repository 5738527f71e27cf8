# rewrite-of: bases/k1_fill_scatter.py via guard-training, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, vec, beta=0.1):
        super().__init__()
        self.confidence = 1.0 - beta
        self.smoothing = beta
        self.cls = vec

    def forward(self, aux, lp):
        if self.training:
            aux = aux.log_softmax(dim=-1)
            with torch.no_grad():
                u = torch.zeros_like(aux)
                u.fill_(self.smoothing / (self.cls - 1))
                u.scatter_(1, lp.unsqueeze(1), self.confidence)
            return torch.mean(torch.sum(-u * aux, dim=-1))
        else:
            return F.nll_loss(F.log_softmax(aux, dim=-1), lp)
