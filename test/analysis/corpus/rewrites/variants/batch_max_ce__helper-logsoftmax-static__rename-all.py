# rewrite-of: bases/batch_max_ce.py via helper-logsoftmax-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.coef = amount

    @staticmethod
    def _log_probs(arr):
        return F.log_softmax(arr, dim=-1)

    def forward(self, emb, mat):
        cnt = mat.max().item() + 1
        cur = self._log_probs(emb)
        aux = torch.full_like(cur, self.coef / cnt)
        aux.scatter_(1, mat.unsqueeze(1), 1.0 - self.coef + self.coef / cnt)
        return (-aux * cur).sum(dim=-1).mean()
