# rewrite-of: bases/from_annotated_transformer.py via prep-labels-view, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, u, nxt, amount=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = nxt
        self.confidence = 1.0 - amount
        self.smoothing = amount
        self.size = u
        self.true_dist = None

    def forward(self, tgt, part):
        part = part.view(-1)
        assert tgt.size(1) == self.size
        b0 = tgt.data.clone()
        b0.fill_(self.smoothing / (self.size - 2))
        b0.scatter_(1, part.data.unsqueeze(1), self.confidence)
        b0[:, self.padding_idx] = 0
        term_a = torch.nonzero(part.data == self.padding_idx)
        if term_a.dim() > 0:
            b0.index_fill_(0, term_a.squeeze(), 0.0)
        self.true_dist = b0
        return self.criterion(tgt, b0.clone().detach())
