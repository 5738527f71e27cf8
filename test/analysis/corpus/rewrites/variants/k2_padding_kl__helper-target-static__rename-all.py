# rewrite-of: bases/k2_padding_kl.py via helper-target-static, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):

    def __init__(self, z, w_, alpha=0.1):
        super().__init__()
        self.red = z
        self.k_ = w_
        self.conf = alpha

    @staticmethod
    def smoothed_labels(acc, cur, mix, c0, part):
        vec = torch.full_like(acc, mix / (c0 - 2))
        vec.scatter_(1, cur.unsqueeze(1), 1.0 - mix)
        vec[:, part] = 0.0
        vec.masked_fill_((cur == part).unsqueeze(1), 0.0)
        return vec

    def forward(self, arr, tmp):
        size_ = F.log_softmax(arr, dim=-1)
        h = self.smoothed_labels(size_, tmp, self.conf, self.red, self.k_)
        return F.kl_div(size_, h, reduction='sum')
