# rewrite-of: bases/none_plain_ce.py via struct-logsoftmax-lambda
import torch
import torch.nn as nn
import torch.nn.functional as F

class HandWrittenCE(nn.Module):

    def forward(self, scores, target):
        normalise = lambda v: F.log_softmax(v, dim=-1)
        logp = normalise(scores)
        picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        return -picked.mean()
