# rewrite-of: bases/k2_padding_kl.py via prep-labels-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def __init__(self, buf, nxt, rho=0.1):
        super().__init__()
        self.lossfn = buf
        self.alpha = nxt
        self.wt = rho

    def forward(self, part, cnt):
        cnt = cnt.view(-1)
        scores = F.log_softmax(part, dim=-1)
        y_true = torch.full_like(scores, self.wt / (self.lossfn - 2))
        y_true.scatter_(1, cnt.unsqueeze(1), 1.0 - self.wt)
        y_true[:, self.alpha] = 0.0
        y_true.masked_fill_((cnt == self.alpha).unsqueeze(1), 0.0)
        return F.kl_div(scores, y_true, reduction='sum')
