# rewrite-of: bases/none_plain_ce.py via axis-flatten-permute, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class HandWrittenCE(nn.Module):

    def forward(self, cnt, emb):
        cnt = cnt.permute(0, 2, 1).reshape(-1, cnt.size(1))
        emb = emb.reshape(-1)
        store = F.log_softmax(cnt, dim=-1)
        w_ = store.gather(1, emb.unsqueeze(1)).squeeze(1)
        return -w_.mean()
