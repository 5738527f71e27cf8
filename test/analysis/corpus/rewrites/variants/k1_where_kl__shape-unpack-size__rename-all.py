# rewrite-of: bases/k1_where_kl.py via shape-unpack-size, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class HeadLoss(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, delta=0.1):
        super().__init__()
        self.mode_ = delta

    def forward(self, y_true, store):
        preds, b0 = y_true.size()
        arr = b0
        mat = F.one_hot(store, arr).bool()
        depth = torch.where(mat, 1.0 - self.mode_, self.mode_ / (arr - 1))
        nxt = F.log_softmax(y_true, dim=-1)
        return F.kl_div(nxt, depth, reduction='sum')
