# rewrite-of: bases/uniform_class_calls_fn.py via struct-subclass-super, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(outputs, inp, alpha):
    width = -outputs.gather(dim=-1, index=inp.unsqueeze(-1)).squeeze(-1)
    term_b = -outputs.sum(dim=-1) / outputs.size(-1)
    return ((1.0 - alpha) * width + alpha * term_b).sum()

class _SmoothedNLLCriterionBase(nn.Module):

    def __init__(scores, mix=0.1):
        super().__init__()
        scores.eps = mix

    def forward(vec, tmp, u):
        ref = F.log_softmax(tmp, dim=-1)
        return smoothed_nll(ref, u, vec.eps)

class SmoothedNLLCriterion(_SmoothedNLLCriterionBase):

    def forward(self, emb, b0):
        return super().forward(emb, b0)
