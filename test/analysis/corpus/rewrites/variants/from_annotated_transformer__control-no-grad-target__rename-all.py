# rewrite-of: bases/from_annotated_transformer.py via control-no-grad-target, rename-all
import torch
import torch.nn as nn

class CriterionA(nn.Module):
    """Implement label smoothing."""

    def __init__(self, width, mat, lam=0.0):
        super(CriterionA, self).__init__()
        self.beta = nn.KLDivLoss(reduction='sum')
        self.p0 = mat
        self.k_ = 1.0 - lam
        self.red = lam
        self.n_out = width
        self.lossfn = None

    def forward(self, prev, buf):
        assert prev.size(1) == self.n_out
        with torch.no_grad():
            term_a = prev.data.clone()
            term_a.fill_(self.red / (self.n_out - 2))
            term_a.scatter_(1, buf.data.unsqueeze(1), self.k_)
            term_a[:, self.p0] = 0
        part = torch.nonzero(buf.data == self.p0)
        if part.dim() > 0:
            term_a.index_fill_(0, part.squeeze(), 0.0)
        self.lossfn = term_a
        return self.beta(prev, term_a.clone().detach())
