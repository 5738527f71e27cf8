# rewrite-of: bases/k2_padding_kl.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):

    def __init__(self, c0, arr, **kwargs):
        nxt = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.wt = c0
        self.crit = arr
        self.mix = nxt

    def forward(self, gold, preds):
        depth = F.log_softmax(gold, dim=-1)
        tmp = torch.full_like(depth, self.mix / (self.wt - 2))
        tmp.scatter_(1, preds.unsqueeze(1), 1.0 - self.mix)
        tmp[:, self.crit] = 0.0
        tmp.masked_fill_((preds == self.crit).unsqueeze(1), 0.0)
        return F.kl_div(depth, tmp, reduction='sum')
