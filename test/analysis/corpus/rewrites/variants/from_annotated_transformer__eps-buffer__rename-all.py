# rewrite-of: bases/from_annotated_transformer.py via eps-buffer, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, acc, dist, gamma_=0.0):
        super(MyLoss, self).__init__()
        self.k_ = nn.KLDivLoss(reduction='sum')
        self.wt = dist
        self.p0 = 1.0 - gamma_
        self.register_buffer('smoothing', torch.tensor(gamma_))
        self.mix = acc
        self.scale_ = None

    def forward(self, mat, prev):
        assert mat.size(1) == self.mix
        term_b = mat.data.clone()
        term_b.fill_(self.smoothing / (self.mix - 2))
        term_b.scatter_(1, prev.data.unsqueeze(1), self.p0)
        term_b[:, self.wt] = 0
        tmp = torch.nonzero(prev.data == self.wt)
        if tmp.dim() > 0:
            term_b.index_fill_(0, tmp.squeeze(), 0.0)
        self.scale_ = term_b
        return self.k_(mat, term_b.clone().detach())
