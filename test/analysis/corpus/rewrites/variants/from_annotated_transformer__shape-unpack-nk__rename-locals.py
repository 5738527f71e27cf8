# rewrite-of: bases/from_annotated_transformer.py via shape-unpack-nk, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, part, cur, delta=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = cur
        self.confidence = 1.0 - delta
        self.smoothing = delta
        self.size = part
        self.true_dist = None

    def forward(self, tmp, u):
        buf, store = tmp.shape
        assert store == self.size
        h = tmp.data.clone()
        h.fill_(self.smoothing / (self.size - 2))
        h.scatter_(1, u.data.unsqueeze(1), self.confidence)
        h[:, self.padding_idx] = 0
        b0 = torch.nonzero(u.data == self.padding_idx)
        if b0.dim() > 0:
            h.index_fill_(0, b0.squeeze(), 0.0)
        self.true_dist = h
        return self.criterion(tmp, h.clone().detach())
