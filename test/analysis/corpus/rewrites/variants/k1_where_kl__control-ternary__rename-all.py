# rewrite-of: bases/k1_where_kl.py via control-ternary, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class CriterionA(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.scale_ = gamma_

    def forward(self, d0, mat):
        store = d0.size(-1)
        y_true = F.one_hot(mat, store).bool()
        nxt = torch.where(y_true, 1.0 - self.scale_, self.scale_ / (store - 1))
        term_a = F.log_softmax(d0, dim=-1)
        return F.kl_div(term_a, nxt, reduction='sum') if self.scale_ > 0 else F.cross_entropy(d0, mat, reduction='sum')
