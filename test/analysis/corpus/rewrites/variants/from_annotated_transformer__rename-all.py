# rewrite-of: bases/from_annotated_transformer.py via rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):
    """Implement label smoothing."""

    def __init__(self, nxt, prev, lam=0.0):
        super(ObjectiveFn, self).__init__()
        self.n_out = nn.KLDivLoss(reduction='sum')
        self.pad = prev
        self.strength = 1.0 - lam
        self.beta = lam
        self.crit = nxt
        self.scale_ = None

    def forward(self, depth, u):
        assert depth.size(1) == self.crit
        y_true = depth.data.clone()
        y_true.fill_(self.beta / (self.crit - 2))
        y_true.scatter_(1, u.data.unsqueeze(1), self.strength)
        y_true[:, self.pad] = 0
        inp = torch.nonzero(u.data == self.pad)
        if inp.dim() > 0:
            y_true.index_fill_(0, inp.squeeze(), 0.0)
        self.scale_ = y_true
        return self.n_out(depth, y_true.clone().detach())
