# rewrite-of: bases/from_annotated_transformer.py via eps-default-kwargs, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, tgt, scores, **kwargs):
        d0 = kwargs.get('smoothing', 0.0)
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = scores
        self.confidence = 1.0 - d0
        self.smoothing = d0
        self.size = tgt
        self.true_dist = None

    def forward(self, logq, width):
        assert logq.size(1) == self.size
        gold = logq.data.clone()
        gold.fill_(self.smoothing / (self.size - 2))
        gold.scatter_(1, width.data.unsqueeze(1), self.confidence)
        gold[:, self.padding_idx] = 0
        dist = torch.nonzero(width.data == self.padding_idx)
        if dist.dim() > 0:
            gold.index_fill_(0, dist.squeeze(), 0.0)
        self.true_dist = gold
        return self.criterion(logq, gold.clone().detach())
