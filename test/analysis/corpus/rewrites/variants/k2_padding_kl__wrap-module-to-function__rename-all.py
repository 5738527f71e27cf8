# rewrite-of: bases/k2_padding_kl.py via wrap-module-to-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(term_a, emb, alpha, nxt, scores):
    ref = F.log_softmax(term_a, dim=-1)
    width = torch.full_like(ref, alpha / (nxt - 2))
    width.scatter_(1, emb.unsqueeze(1), 1.0 - alpha)
    width[:, scores] = 0.0
    width.masked_fill_((emb == scores).unsqueeze(1), 0.0)
    return F.kl_div(ref, width, reduction='sum')

class TaskObjective(nn.Module):

    def __init__(self, size_, w_, tau=0.1):
        super().__init__()
        self.mix = size_
        self.beta = w_
        self.wt = tau

    def forward(self, arr, y_true):
        return smoothed_loss(arr, y_true, alpha=self.wt, nxt=self.mix, scores=self.beta)
