# rewrite-of: bases/binary_bce_logits.py via eps-buffer, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.register_buffer('eps', torch.tensor(gamma_))

    def forward(self, acc, cur):
        width = cur * (1.0 - self.eps) + self.eps / 2
        return F.binary_cross_entropy_with_logits(acc, width)
