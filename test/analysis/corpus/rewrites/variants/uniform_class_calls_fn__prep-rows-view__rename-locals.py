# rewrite-of: bases/uniform_class_calls_fn.py via prep-rows-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(gold, ref, beta):
    cnt = -gold.gather(dim=-1, index=ref.unsqueeze(-1)).squeeze(-1)
    preds = -gold.sum(dim=-1) / gold.size(-1)
    return ((1.0 - beta) * cnt + beta * preds).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.eps = lam

    def forward(self, buf, dist):
        buf = buf.view(-1, buf.size(-1))
        depth = F.log_softmax(buf, dim=-1)
        return smoothed_nll(depth, dist, self.eps)
