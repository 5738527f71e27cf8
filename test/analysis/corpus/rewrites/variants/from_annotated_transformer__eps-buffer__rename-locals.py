# rewrite-of: bases/from_annotated_transformer.py via eps-buffer, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, cur, y_true, amount=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = y_true
        self.confidence = 1.0 - amount
        self.register_buffer('smoothing', torch.tensor(amount))
        self.size = cur
        self.true_dist = None

    def forward(self, part, nxt):
        assert part.size(1) == self.size
        labels = part.data.clone()
        labels.fill_(self.smoothing / (self.size - 2))
        labels.scatter_(1, nxt.data.unsqueeze(1), self.confidence)
        labels[:, self.padding_idx] = 0
        u = torch.nonzero(nxt.data == self.padding_idx)
        if u.dim() > 0:
            labels.index_fill_(0, u.squeeze(), 0.0)
        self.true_dist = labels
        return self.criterion(part, labels.clone().detach())
