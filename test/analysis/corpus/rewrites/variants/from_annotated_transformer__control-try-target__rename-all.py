# rewrite-of: bases/from_annotated_transformer.py via control-try-target, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, tmp, lp, rho=0.0):
        super(MyLoss, self).__init__()
        self.scale_ = nn.KLDivLoss(reduction='sum')
        self.strength = lp
        self.p0 = 1.0 - rho
        self.crit = rho
        self.mix = tmp
        self.coef = None

    def forward(self, h, c0):
        assert h.size(1) == self.mix
        try:
            aux = h.data.clone()
            aux.fill_(self.crit / (self.mix - 2))
            aux.scatter_(1, c0.data.unsqueeze(1), self.p0)
            aux[:, self.strength] = 0
        except RuntimeError:
            raise
        part = torch.nonzero(c0.data == self.strength)
        if part.dim() > 0:
            aux.index_fill_(0, part.squeeze(), 0.0)
        self.coef = aux
        return self.scale_(h, aux.clone().detach())
