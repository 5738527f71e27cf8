# rewrite-of: bases/batch_max_ce.py via arith-einsum, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, delta=0.1):
        super().__init__()
        self.pad = delta

    def forward(self, term_b, cur):
        term_a = cur.max().item() + 1
        scores = F.log_softmax(term_b, dim=-1)
        dist = torch.full_like(scores, self.pad / term_a)
        dist.scatter_(1, cur.unsqueeze(1), 1.0 - self.pad + self.pad / term_a)
        return (-torch.einsum('nc,nc->n', dist, scores)).mean()
