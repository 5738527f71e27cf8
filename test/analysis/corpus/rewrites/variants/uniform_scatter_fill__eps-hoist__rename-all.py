# rewrite-of: bases/uniform_scatter_fill.py via eps-hoist, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):

    def __init__(self, rho=0.1):
        super().__init__()
        self.beta = rho

    def forward(self, ref, part):
        scores = F.log_softmax(ref, dim=-1)
        preds = ref.size(-1)
        with torch.no_grad():
            tgt = torch.zeros_like(scores)
            cnt = self.beta / preds
            tgt.fill_(cnt)
            tgt.scatter_(1, part.unsqueeze(1), 1.0 - self.beta + self.beta / preds)
        return torch.sum(-tgt * scores, dim=-1).mean()
