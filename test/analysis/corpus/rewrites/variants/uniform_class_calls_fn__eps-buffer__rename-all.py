# rewrite-of: bases/uniform_class_calls_fn.py via eps-buffer, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(aux, w_, gamma_):
    dist = -aux.gather(dim=-1, index=w_.unsqueeze(-1)).squeeze(-1)
    cur = -aux.sum(dim=-1) / aux.size(-1)
    return ((1.0 - gamma_) * dist + gamma_ * cur).sum()

class TaskObjective(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.register_buffer('eps', torch.tensor(alpha))

    def forward(self, width, mat):
        tmp = F.log_softmax(width, dim=-1)
        return smoothed_nll(tmp, mat, self.eps)
