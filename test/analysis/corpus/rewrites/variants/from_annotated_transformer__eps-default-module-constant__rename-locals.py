# rewrite-of: bases/from_annotated_transformer.py via eps-default-module-constant, rename-locals
import torch
import torch.nn as nn
LABEL_SMOOTHING = 0.0

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, d0, gold, delta=LABEL_SMOOTHING):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = gold
        self.confidence = 1.0 - delta
        self.smoothing = delta
        self.size = d0
        self.true_dist = None

    def forward(self, term_b, buf):
        assert term_b.size(1) == self.size
        term_a = term_b.data.clone()
        term_a.fill_(self.smoothing / (self.size - 2))
        term_a.scatter_(1, buf.data.unsqueeze(1), self.confidence)
        term_a[:, self.padding_idx] = 0
        y_true = torch.nonzero(buf.data == self.padding_idx)
        if y_true.dim() > 0:
            term_a.index_fill_(0, y_true.squeeze(), 0.0)
        self.true_dist = term_a
        return self.criterion(term_b, term_a.clone().detach())
