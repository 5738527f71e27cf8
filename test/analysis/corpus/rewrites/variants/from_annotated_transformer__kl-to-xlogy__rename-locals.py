# rewrite-of: bases/from_annotated_transformer.py via kl-to-xlogy, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothing(nn.Module):
    """Implement label smoothing."""

    def __init__(self, buf, tmp, tau=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction='sum')
        self.padding_idx = tmp
        self.confidence = 1.0 - tau
        self.smoothing = tau
        self.size = buf
        self.true_dist = None

    def forward(self, nxt, cur):
        assert nxt.size(1) == self.size
        mat = nxt.data.clone()
        mat.fill_(self.smoothing / (self.size - 2))
        mat.scatter_(1, cur.data.unsqueeze(1), self.confidence)
        mat[:, self.padding_idx] = 0
        width = torch.nonzero(cur.data == self.padding_idx)
        if width.dim() > 0:
            mat.index_fill_(0, width.squeeze(), 0.0)
        self.true_dist = mat
        return (torch.xlogy(mat.clone().detach(), mat.clone().detach()) - mat.clone().detach() * nxt).sum()
