# rewrite-of: bases/k1_fill_scatter.py via eps-property, rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):

    def __init__(self, z, tau=0.1):
        super().__init__()
        self.crit = tau
        self.n_out = z

    @property
    def confidence(self):
        return 1.0 - self.crit

    def forward(self, scores, mat):
        scores = scores.log_softmax(dim=-1)
        with torch.no_grad():
            aux = torch.zeros_like(scores)
            aux.fill_(self.crit / (self.n_out - 1))
            aux.scatter_(1, mat.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-aux * scores, dim=-1))
