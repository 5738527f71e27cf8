# rewrite-of: bases/from_annotated_transformer.py via eps-one-literal, rename-all
import torch
import torch.nn as nn

class CriterionA(nn.Module):
    """Implement label smoothing."""

    def __init__(self, lp, b0, amount=0.0):
        super(CriterionA, self).__init__()
        self.crit = nn.KLDivLoss(reduction='sum')
        self.conf = b0
        self.coef = 1 - amount
        self.strength = amount
        self.k_ = lp
        self.mix = None

    def forward(self, a0, tgt):
        assert a0.size(1) == self.k_
        c0 = a0.data.clone()
        c0.fill_(self.strength / (self.k_ - 2))
        c0.scatter_(1, tgt.data.unsqueeze(1), self.coef)
        c0[:, self.conf] = 0
        h = torch.nonzero(tgt.data == self.conf)
        if h.dim() > 0:
            c0.index_fill_(0, h.squeeze(), 0.0)
        self.mix = c0
        return self.crit(a0, c0.clone().detach())
