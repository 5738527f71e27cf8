# rewrite-of: bases/none_plain_ce.py via axis-flatten-transpose, import-functional-as-fn
import torch
import torch.nn as nn
import torch.nn.functional as fn

class HandWrittenCE(nn.Module):

    def forward(self, scores, target):
        scores = scores.transpose(1, 2).contiguous().view(-1, scores.size(1))
        target = target.contiguous().view(-1)
        logp = fn.log_softmax(scores, dim=-1)
        picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        return -picked.mean()
