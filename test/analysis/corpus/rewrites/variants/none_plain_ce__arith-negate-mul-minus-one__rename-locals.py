# rewrite-of: bases/none_plain_ce.py via arith-negate-mul-minus-one, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class HandWrittenCE(nn.Module):

    def forward(self, gold, cnt):
        a0 = F.log_softmax(gold, dim=-1)
        aux = a0.gather(1, cnt.unsqueeze(1)).squeeze(1)
        return -1.0 * aux.mean()
