# rewrite-of: bases/from_annotated_transformer.py via eps-bounds, rename-all
import torch
import torch.nn as nn

class ClsCriterion(nn.Module):
    """Implement label smoothing."""

    def __init__(self, scores, val, mix=0.0):
        mix = max(0.0, min(1.0, mix))
        super(ClsCriterion, self).__init__()
        self.strength = nn.KLDivLoss(reduction='sum')
        self.beta = val
        self.scale_ = 1.0 - mix
        self.n_out = mix
        self.red = scores
        self.crit = None

    def forward(self, c0, inp):
        assert c0.size(1) == self.red
        y_true = c0.data.clone()
        y_true.fill_(self.n_out / (self.red - 2))
        y_true.scatter_(1, inp.data.unsqueeze(1), self.scale_)
        y_true[:, self.beta] = 0
        nxt = torch.nonzero(inp.data == self.beta)
        if nxt.dim() > 0:
            y_true.index_fill_(0, nxt.squeeze(), 0.0)
        self.crit = y_true
        return self.strength(c0, y_true.clone().detach())
