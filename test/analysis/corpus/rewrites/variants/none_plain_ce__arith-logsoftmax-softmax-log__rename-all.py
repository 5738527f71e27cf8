# rewrite-of: bases/none_plain_ce.py via arith-logsoftmax-softmax-log, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ClsCriterion(nn.Module):

    def forward(self, term_a, arr):
        buf = term_a.softmax(dim=-1).log()
        outputs = buf.gather(1, arr.unsqueeze(1)).squeeze(1)
        return -outputs.mean()
