# rewrite-of: bases/none_plain_ce.py via wrap-module-to-function
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_loss(scores, target):
    logp = F.log_softmax(scores, dim=-1)
    picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
    return -picked.mean()

class HandWrittenCE(nn.Module):

    def forward(self, scores, target):
        return smoothed_loss(scores, target)
