# rewrite-of: bases/from_annotated_transformer.py via shape-ctor-num-classes, rename-locals
import torch
import torch.nn as nn

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, z, depth, inp, beta=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = inp
        self.confidence = 1.0 - beta
        self.smoothing = beta
        self.size = depth
        self.true_dist = None
        self.num_classes = z

    def forward(self, term_b, width):
        assert self.num_classes == self.size
        logq = term_b.data.clone()
        logq.fill_(self.smoothing / (self.size - 2))
        logq.scatter_(1, width.data.unsqueeze(1), self.confidence)
        logq[:, self.padding_idx] = 0
        u = torch.nonzero(width.data == self.padding_idx)
        if u.dim() > 0:
            logq.index_fill_(0, u.squeeze(), 0.0)
        self.true_dist = logq
        return self.criterion(term_b, logq.clone().detach())
