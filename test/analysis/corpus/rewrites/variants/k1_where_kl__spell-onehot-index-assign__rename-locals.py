# rewrite-of: bases/k1_where_kl.py via spell-onehot-index-assign, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class SpreadOverOthers(nn.Module):
    """KL to a target that puts 1 - alpha on the label and alpha / (K - 1) on each other class."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.alpha = rho

    def forward(self, prev, inp):
        val = prev.size(-1)
        z = torch.zeros(inp.size(0), val, dtype=torch.long, device=inp.device)
        z[torch.arange(inp.size(0)), inp] = 1
        store = z.bool()
        preds = torch.where(store, 1.0 - self.alpha, self.alpha / (val - 1))
        part = F.log_softmax(prev, dim=-1)
        return F.kl_div(part, preds, reduction='sum')
