# rewrite-of: bases/uniform_class_calls_fn.py via eps-default-or-default, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(nxt, arr, beta):
    acc = -nxt.gather(dim=-1, index=arr.unsqueeze(-1)).squeeze(-1)
    outputs = -nxt.sum(dim=-1) / nxt.size(-1)
    return ((1.0 - beta) * acc + beta * outputs).sum()

class HeadLoss(nn.Module):

    def __init__(self, amount=None):
        amount = amount or 0.1
        super().__init__()
        self.coef = amount

    def forward(self, aux, preds):
        gold = F.log_softmax(aux, dim=-1)
        return smoothed_nll(gold, preds, self.coef)
