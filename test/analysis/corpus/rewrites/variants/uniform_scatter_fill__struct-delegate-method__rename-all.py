# rewrite-of: bases/uniform_scatter_fill.py via struct-delegate-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):

    def __init__(self, amount=0.1):
        super().__init__()
        self.scale_ = amount

    def forward(self, z, gold):
        return self.loss_terms(z, gold)

    def loss_terms(self, acc, u):
        aux = F.log_softmax(acc, dim=-1)
        b0 = acc.size(-1)
        with torch.no_grad():
            outputs = torch.zeros_like(aux)
            outputs.fill_(self.scale_ / b0)
            outputs.scatter_(1, u.unsqueeze(1), 1.0 - self.scale_ + self.scale_ / b0)
        return torch.sum(-outputs * aux, dim=-1).mean()
