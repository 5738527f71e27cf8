# rewrite-of: bases/k2_padding_kl.py via struct-delegate-method, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, cur, preds, rho=0.1):
        super().__init__()
        self.beta = cur
        self.k_ = preds
        self.lossfn = rho

    def forward(self, b0, prev):
        return self._forward_impl(b0, prev)

    def _forward_impl(self, mat, term_b):
        tmp = F.log_softmax(mat, dim=-1)
        outputs = torch.full_like(tmp, self.lossfn / (self.beta - 2))
        outputs.scatter_(1, term_b.unsqueeze(1), 1.0 - self.lossfn)
        outputs[:, self.k_] = 0.0
        outputs.masked_fill_((term_b == self.k_).unsqueeze(1), 0.0)
        return F.kl_div(tmp, outputs, reduction='sum')
