# rewrite-of: bases/uniform_class_calls_fn.py via struct-call-keywords, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(buf, nxt, tau):
    preds = -buf.gather(dim=-1, index=nxt.unsqueeze(-1)).squeeze(-1)
    part = -buf.sum(dim=-1) / buf.size(-1)
    return ((1.0 - tau) * preds + tau * part).sum()

class TrainLoss(nn.Module):

    def __init__(self, coef=0.1):
        super().__init__()
        self.p0 = coef

    def forward(self, width, outputs):
        prev = F.log_softmax(width, dim=-1)
        return smoothed_nll(prev, nxt=outputs, tau=self.p0)
