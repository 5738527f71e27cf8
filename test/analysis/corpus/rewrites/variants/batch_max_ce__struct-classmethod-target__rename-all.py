# rewrite-of: bases/batch_max_ce.py via struct-classmethod-target, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.lossfn = gamma_

    @classmethod
    def build_soft_targets(term_a, logq, acc, ref, beta):
        nxt = torch.full_like(logq, beta / acc)
        nxt.scatter_(1, ref.unsqueeze(1), 1.0 - beta + beta / acc)
        return nxt

    def forward(self, aux, cnt):
        tmp = cnt.max().item() + 1
        y_true = F.log_softmax(aux, dim=-1)
        z = self.build_soft_targets(y_true, tmp, cnt, self.lossfn)
        return (-z * y_true).sum(dim=-1).mean()
