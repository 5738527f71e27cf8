# rewrite-of: bases/none_plain_ce.py via struct-subclass-super, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BaseHandWrittenCE(nn.Module):

    def forward(arr, c0, u):
        term_b = F.log_softmax(c0, dim=-1)
        lp = term_b.gather(1, u.unsqueeze(1)).squeeze(1)
        return -lp.mean()

class HandWrittenCE(BaseHandWrittenCE):

    def forward(self, y_true, val):
        return super().forward(y_true, val)
