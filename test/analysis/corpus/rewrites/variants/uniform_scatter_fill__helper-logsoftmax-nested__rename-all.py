# rewrite-of: bases/uniform_scatter_fill.py via helper-logsoftmax-nested, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.coef = mix

    def forward(self, preds, outputs):

        def _log_probs(term_b):
            return F.log_softmax(term_b, dim=-1)
        z = _log_probs(preds)
        store = preds.size(-1)
        with torch.no_grad():
            u = torch.zeros_like(z)
            u.fill_(self.coef / store)
            u.scatter_(1, outputs.unsqueeze(1), 1.0 - self.coef + self.coef / store)
        return torch.sum(-u * z, dim=-1).mean()
