# rewrite-of: bases/none_plain_ce.py via helper-logsoftmax-module
import torch
import torch.nn as nn
import torch.nn.functional as F

def to_log_probs(z):
    return F.log_softmax(z, dim=-1)

class HandWrittenCE(nn.Module):

    def forward(self, scores, target):
        logp = to_log_probs(scores)
        picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        return -picked.mean()
