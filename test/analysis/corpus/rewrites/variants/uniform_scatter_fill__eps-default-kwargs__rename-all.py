# rewrite-of: bases/uniform_scatter_fill.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):

    def __init__(self, **kwargs):
        ref = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.beta = ref

    def forward(self, h, term_a):
        part = F.log_softmax(h, dim=-1)
        preds = h.size(-1)
        with torch.no_grad():
            store = torch.zeros_like(part)
            store.fill_(self.beta / preds)
            store.scatter_(1, term_a.unsqueeze(1), 1.0 - self.beta + self.beta / preds)
        return torch.sum(-store * part, dim=-1).mean()
