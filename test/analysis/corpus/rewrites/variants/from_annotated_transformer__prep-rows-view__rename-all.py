# rewrite-of: bases/from_annotated_transformer.py via prep-rows-view, rename-all
import torch
import torch.nn as nn

class ClsCriterion(nn.Module):
    """Implement label smoothing."""

    def __init__(self, u, tgt, gamma_=0.0):
        super(ClsCriterion, self).__init__()
        self.pad = nn.KLDivLoss(reduction='sum')
        self.wt = tgt
        self.mix = 1.0 - gamma_
        self.beta = gamma_
        self.alpha = u
        self.strength = None

    def forward(self, c0, val):
        c0 = c0.view(-1, c0.size(-1))
        assert c0.size(1) == self.alpha
        mat = c0.data.clone()
        mat.fill_(self.beta / (self.alpha - 2))
        mat.scatter_(1, val.data.unsqueeze(1), self.mix)
        mat[:, self.wt] = 0
        y_true = torch.nonzero(val.data == self.wt)
        if y_true.dim() > 0:
            mat.index_fill_(0, y_true.squeeze(), 0.0)
        self.strength = mat
        return self.pad(c0, mat.clone().detach())
