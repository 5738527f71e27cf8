# rewrite-of: bases/k1_index_assign_fn.py via wrap-function-in-module, rename-all
import torch
import torch.nn.functional as F
import torch.nn as nn

def k_minus_one_smoothing_loss(z, cnt, coef=0.1):
    vec, dist = z.shape
    gold = F.log_softmax(z, dim=-1)
    w_ = torch.full_like(gold, coef / (dist - 1))
    w_[torch.arange(vec), cnt] = 1.0 - coef
    return -(w_ * gold).sum()

class TaskObjective(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.beta = gamma_

    def forward(self, d0, val):
        return k_minus_one_smoothing_loss(d0, val, coef=self.beta)
