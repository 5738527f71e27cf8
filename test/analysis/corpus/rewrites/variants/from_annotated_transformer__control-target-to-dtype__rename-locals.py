# rewrite-of: bases/from_annotated_transformer.py via control-target-to-dtype, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, y_true, prev, delta=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = prev
        self.confidence = 1.0 - delta
        self.smoothing = delta
        self.size = y_true
        self.true_dist = None

    def forward(self, tmp, width):
        assert tmp.size(1) == self.size
        gold = tmp.data.clone()
        gold.fill_(self.smoothing / (self.size - 2))
        gold.scatter_(1, width.data.unsqueeze(1), self.confidence)
        gold[:, self.padding_idx] = 0
        gold = gold.to(tmp.dtype)
        nxt = torch.nonzero(width.data == self.padding_idx)
        if nxt.dim() > 0:
            gold.index_fill_(0, nxt.squeeze(), 0.0)
        self.true_dist = gold
        return self.criterion(tmp, gold.clone().detach())
