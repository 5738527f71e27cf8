# rewrite-of: bases/from_annotated_transformer.py via shape-unpack-size, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, ref, part, delta=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = part
        self.confidence = 1.0 - delta
        self.smoothing = delta
        self.size = ref
        self.true_dist = None

    def forward(self, labels, u):
        tgt, cur = labels.size()
        assert cur == self.size
        w_ = labels.data.clone()
        w_.fill_(self.smoothing / (self.size - 2))
        w_.scatter_(1, u.data.unsqueeze(1), self.confidence)
        w_[:, self.padding_idx] = 0
        d0 = torch.nonzero(u.data == self.padding_idx)
        if d0.dim() > 0:
            w_.index_fill_(0, d0.squeeze(), 0.0)
        self.true_dist = w_
        return self.criterion(labels, w_.clone().detach())
