# rewrite-of: bases/uniform_class_calls_fn.py via arith-negate-mul-minus-one, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(part, size_, rho):
    tmp = -1.0 * part.gather(dim=-1, index=size_.unsqueeze(-1)).squeeze(-1)
    acc = -1.0 * part.sum(dim=-1) / part.size(-1)
    return ((1.0 - rho) * tmp + rho * acc).sum()

class ObjectiveFn(nn.Module):

    def __init__(self, lam=0.1):
        super().__init__()
        self.red = lam

    def forward(self, nxt, mat):
        outputs = F.log_softmax(nxt, dim=-1)
        return smoothed_nll(outputs, mat, self.red)
