# rewrite-of: bases/k2_padding_kl.py via rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, lp, depth, delta=0.1):
        super().__init__()
        self.pad = lp
        self.lossfn = depth
        self.n_out = delta

    def forward(self, vec, scores):
        tmp = F.log_softmax(vec, dim=-1)
        ref = torch.full_like(tmp, self.n_out / (self.pad - 2))
        ref.scatter_(1, scores.unsqueeze(1), 1.0 - self.n_out)
        ref[:, self.lossfn] = 0.0
        ref.masked_fill_((scores == self.lossfn).unsqueeze(1), 0.0)
        return F.kl_div(tmp, ref, reduction='sum')
