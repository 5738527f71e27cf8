# rewrite-of: bases/from_annotated_transformer.py via control-assert-range, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, a0, cur, coef=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = cur
        self.confidence = 1.0 - coef
        self.smoothing = coef
        self.size = a0
        self.true_dist = None

    def forward(self, scores, nxt):
        assert 0 <= self.smoothing < 1, 'smoothing must be in [0, 1)'
        assert scores.size(1) == self.size
        term_a = scores.data.clone()
        term_a.fill_(self.smoothing / (self.size - 2))
        term_a.scatter_(1, nxt.data.unsqueeze(1), self.confidence)
        term_a[:, self.padding_idx] = 0
        term_b = torch.nonzero(nxt.data == self.padding_idx)
        if term_b.dim() > 0:
            term_a.index_fill_(0, term_b.squeeze(), 0.0)
        self.true_dist = term_a
        return self.criterion(scores, term_a.clone().detach())
