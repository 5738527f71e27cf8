# rewrite-of: bases/from_annotated_transformer.py via control-target-detach, rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):
    """Implement label smoothing."""

    def __init__(self, depth, vec, coef=0.0):
        super(ObjectiveFn, self).__init__()
        self.k_ = nn.KLDivLoss(reduction='sum')
        self.strength = vec
        self.conf = 1.0 - coef
        self.alpha = coef
        self.mix = depth
        self.red = None

    def forward(self, b0, ref):
        assert b0.size(1) == self.mix
        mat = b0.data.clone()
        mat.fill_(self.alpha / (self.mix - 2))
        mat.scatter_(1, ref.data.unsqueeze(1), self.conf)
        mat[:, self.strength] = 0
        mat = mat.detach()
        scores = torch.nonzero(ref.data == self.strength)
        if scores.dim() > 0:
            mat.index_fill_(0, scores.squeeze(), 0.0)
        self.red = mat
        return self.k_(b0, mat.clone().detach())
