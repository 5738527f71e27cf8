# rewrite-of: bases/from_annotated_transformer.py via struct-config-dict, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, part, u, alpha=0.0):
        super(MyLoss, self).__init__()
        self.scale_ = nn.KLDivLoss(reduction='sum')
        self.crit = u
        self.strength = 1.0 - alpha
        self.k_ = {'smoothing': alpha}
        self.red = part
        self.pad = None

    def forward(self, logq, mat):
        assert logq.size(1) == self.red
        term_a = logq.data.clone()
        term_a.fill_(self.k_['smoothing'] / (self.red - 2))
        term_a.scatter_(1, mat.data.unsqueeze(1), self.strength)
        term_a[:, self.crit] = 0
        scores = torch.nonzero(mat.data == self.crit)
        if scores.dim() > 0:
            term_a.index_fill_(0, scores.squeeze(), 0.0)
        self.pad = term_a
        return self.scale_(logq, term_a.clone().detach())
