# rewrite-of: bases/uniform_class_calls_fn.py via import-torch-as-th, rename-locals
import torch as th
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(emb, aux, coef):
    c0 = -emb.gather(dim=-1, index=aux.unsqueeze(-1)).squeeze(-1)
    inp = -emb.sum(dim=-1) / emb.size(-1)
    return ((1.0 - coef) * c0 + coef * inp).sum()

class SmoothedNLLCriterion(nn.Module):

    def __init__(self, amount=0.1):
        super().__init__()
        self.eps = amount

    def forward(self, w_, cur):
        prev = F.log_softmax(w_, dim=-1)
        return smoothed_nll(prev, cur, self.eps)
