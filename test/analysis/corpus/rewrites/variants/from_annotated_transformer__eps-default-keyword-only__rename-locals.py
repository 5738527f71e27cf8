# rewrite-of: bases/from_annotated_transformer.py via eps-default-keyword-only, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, c0, aux, *, rho=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = aux
        self.confidence = 1.0 - rho
        self.smoothing = rho
        self.size = c0
        self.true_dist = None

    def forward(self, tmp, ref):
        assert tmp.size(1) == self.size
        acc = tmp.data.clone()
        acc.fill_(self.smoothing / (self.size - 2))
        acc.scatter_(1, ref.data.unsqueeze(1), self.confidence)
        acc[:, self.padding_idx] = 0
        w_ = torch.nonzero(ref.data == self.padding_idx)
        if w_.dim() > 0:
            acc.index_fill_(0, w_.squeeze(), 0.0)
        self.true_dist = acc
        return self.criterion(tmp, acc.clone().detach())
