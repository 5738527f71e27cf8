# rewrite-of: bases/k2_padding_kl.py via arith-logsoftmax-torch-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):

    def __init__(self, b0, inp, coef=0.1):
        super().__init__()
        self.red = b0
        self.crit = inp
        self.pad = coef

    def forward(self, acc, term_a):
        scores = torch.log_softmax(acc, dim=-1)
        ref = torch.full_like(scores, self.pad / (self.red - 2))
        ref.scatter_(1, term_a.unsqueeze(1), 1.0 - self.pad)
        ref[:, self.crit] = 0.0
        ref.masked_fill_((term_a == self.crit).unsqueeze(1), 0.0)
        return F.kl_div(scores, ref, reduction='sum')
