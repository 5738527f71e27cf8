# rewrite-of: bases/from_annotated_transformer.py via control-ternary, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, scores, buf, delta=0.0):
        super(MyLoss, self).__init__()
        self.conf = nn.KLDivLoss(reduction='sum')
        self.k_ = buf
        self.coef = 1.0 - delta
        self.pad = delta
        self.lossfn = scores
        self.alpha = None

    def forward(self, logq, b0):
        assert logq.size(1) == self.lossfn
        arr = logq.data.clone()
        arr.fill_(self.pad / (self.lossfn - 2))
        arr.scatter_(1, b0.data.unsqueeze(1), self.coef)
        arr[:, self.k_] = 0
        z = torch.nonzero(b0.data == self.k_)
        if z.dim() > 0:
            arr.index_fill_(0, z.squeeze(), 0.0)
        self.alpha = arr
        return self.conf(logq, arr.clone().detach()) if self.pad > 0 else F.nll_loss(logq, b0, ignore_index=self.k_, reduction='sum')
