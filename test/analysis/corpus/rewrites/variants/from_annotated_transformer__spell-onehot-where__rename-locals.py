# rewrite-of: bases/from_annotated_transformer.py via spell-onehot-where, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, width, emb, lam=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = emb
        self.confidence = 1.0 - lam
        self.smoothing = lam
        self.size = width
        self.true_dist = None

    def forward(self, w_, val):
        assert w_.size(1) == self.size
        term_b = w_.data.clone()
        term_b.fill_(self.smoothing / (self.size - 2))
        term_b = torch.where(F.one_hot(val.data, term_b.size(-1)).bool(), self.confidence, term_b)
        term_b[:, self.padding_idx] = 0
        c0 = torch.nonzero(val.data == self.padding_idx)
        if c0.dim() > 0:
            term_b.index_fill_(0, c0.squeeze(), 0.0)
        self.true_dist = term_b
        return self.criterion(w_, term_b.clone().detach())
