# rewrite-of: bases/from_annotated_transformer.py via prep-contiguous, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, gold, a0, amount=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = a0
        self.confidence = 1.0 - amount
        self.smoothing = amount
        self.size = gold
        self.true_dist = None

    def forward(self, scores, z):
        scores = scores.contiguous()
        assert scores.size(1) == self.size
        val = scores.data.clone()
        val.fill_(self.smoothing / (self.size - 2))
        val.scatter_(1, z.data.unsqueeze(1), self.confidence)
        val[:, self.padding_idx] = 0
        term_b = torch.nonzero(z.data == self.padding_idx)
        if term_b.dim() > 0:
            val.index_fill_(0, term_b.squeeze(), 0.0)
        self.true_dist = val
        return self.criterion(scores, val.clone().detach())
