# rewrite-of: bases/from_annotated_transformer.py via struct-classmethod-target, wrap-dunder-call
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size
        self.true_dist = None

    @classmethod
    def make_target_distribution(cls, x, target, smoothing, size, confidence, padding_idx):
        true_dist = x.data.clone()
        true_dist.fill_(smoothing / (size - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), confidence)
        true_dist[:, padding_idx] = 0
        mask = torch.nonzero(target.data == padding_idx)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        return true_dist

    def __call__(self, x, target):
        assert x.size(1) == self.size
        true_dist = self.make_target_distribution(x, target, self.smoothing, self.size, self.confidence, self.padding_idx)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())
