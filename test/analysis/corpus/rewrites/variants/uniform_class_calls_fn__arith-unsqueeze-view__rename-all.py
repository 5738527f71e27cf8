# rewrite-of: bases/uniform_class_calls_fn.py via arith-unsqueeze-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(u, width, mix):
    labels = -u.gather(dim=-1, index=width.view(-1, 1)).squeeze(-1)
    emb = -u.sum(dim=-1) / u.size(-1)
    return ((1.0 - mix) * labels + mix * emb).sum()

class HeadLoss(nn.Module):

    def __init__(self, coef=0.1):
        super().__init__()
        self.scale_ = coef

    def forward(self, store, cnt):
        y_true = F.log_softmax(store, dim=-1)
        return smoothed_nll(y_true, cnt, self.scale_)
