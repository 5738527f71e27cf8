# rewrite-of: bases/from_annotated_transformer.py via eps-default-none-default, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, term_a, lp, amount=None):
        if amount is None:
            amount = 0.0
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = lp
        self.confidence = 1.0 - amount
        self.smoothing = amount
        self.size = term_a
        self.true_dist = None

    def forward(self, u, d0):
        assert u.size(1) == self.size
        cnt = u.data.clone()
        cnt.fill_(self.smoothing / (self.size - 2))
        cnt.scatter_(1, d0.data.unsqueeze(1), self.confidence)
        cnt[:, self.padding_idx] = 0
        b0 = torch.nonzero(d0.data == self.padding_idx)
        if b0.dim() > 0:
            cnt.index_fill_(0, b0.squeeze(), 0.0)
        self.true_dist = cnt
        return self.criterion(u, cnt.clone().detach())
