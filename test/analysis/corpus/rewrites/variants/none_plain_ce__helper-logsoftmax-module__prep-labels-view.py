# rewrite-of: bases/none_plain_ce.py via helper-logsoftmax-module, prep-labels-view
import torch
import torch.nn as nn
import torch.nn.functional as F

def log_probabilities(z):
    return F.log_softmax(z, dim=-1)

class HandWrittenCE(nn.Module):

    def forward(self, scores, target):
        target = target.view(-1)
        logp = log_probabilities(scores)
        picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        return -picked.mean()
