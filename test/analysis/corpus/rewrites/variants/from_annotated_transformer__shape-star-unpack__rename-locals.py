# rewrite-of: bases/from_annotated_transformer.py via shape-star-unpack, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, cur, val, beta=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = val
        self.confidence = 1.0 - beta
        self.smoothing = beta
        self.size = cur
        self.true_dist = None

    def forward(self, scores, outputs):
        *tgt, size_ = scores.shape
        assert size_ == self.size
        depth = scores.data.clone()
        depth.fill_(self.smoothing / (self.size - 2))
        depth.scatter_(1, outputs.data.unsqueeze(1), self.confidence)
        depth[:, self.padding_idx] = 0
        u = torch.nonzero(outputs.data == self.padding_idx)
        if u.dim() > 0:
            depth.index_fill_(0, u.squeeze(), 0.0)
        self.true_dist = depth
        return self.criterion(scores, depth.clone().detach())
