# rewrite-of: bases/from_annotated_transformer.py via rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, part, ref, mix=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = ref
        self.confidence = 1.0 - mix
        self.smoothing = mix
        self.size = part
        self.true_dist = None

    def forward(self, store, preds):
        assert store.size(1) == self.size
        acc = store.data.clone()
        acc.fill_(self.smoothing / (self.size - 2))
        acc.scatter_(1, preds.data.unsqueeze(1), self.confidence)
        acc[:, self.padding_idx] = 0
        tgt = torch.nonzero(preds.data == self.padding_idx)
        if tgt.dim() > 0:
            acc.index_fill_(0, tgt.squeeze(), 0.0)
        self.true_dist = acc
        return self.criterion(store, acc.clone().detach())
