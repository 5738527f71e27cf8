# rewrite-of: bases/none_plain_ce.py via struct-subclass-super, spell-reduce-method-kw
import torch
import torch.nn as nn
import torch.nn.functional as F

class _HandWrittenCEBase(nn.Module):

    def forward(self, scores, target):
        logp = F.log_softmax(scores, dim=-1)
        picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        return -picked.mean()

class HandWrittenCE(_HandWrittenCEBase):

    def forward(self, scores, target):
        return super().forward(scores, target)
