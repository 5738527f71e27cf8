# rewrite-of: bases/none_plain_ce.py via arith-gather-index, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class HandWrittenCE(nn.Module):

    def forward(self, val, store):
        c0 = F.log_softmax(val, dim=-1)
        lp = c0[torch.arange(c0.size(0)), store]
        return -lp.mean()
