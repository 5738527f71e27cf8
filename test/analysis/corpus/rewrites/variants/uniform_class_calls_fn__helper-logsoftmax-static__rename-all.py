# rewrite-of: bases/uniform_class_calls_fn.py via helper-logsoftmax-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(gold, logq, amount):
    part = -gold.gather(dim=-1, index=logq.unsqueeze(-1)).squeeze(-1)
    width = -gold.sum(dim=-1) / gold.size(-1)
    return ((1.0 - amount) * part + amount * width).sum()

class TrainLoss(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.scale_ = gamma_

    @staticmethod
    def log_probabilities(c0):
        return F.log_softmax(c0, dim=-1)

    def forward(self, lp, term_b):
        store = self.log_probabilities(lp)
        return smoothed_nll(store, term_b, self.scale_)
