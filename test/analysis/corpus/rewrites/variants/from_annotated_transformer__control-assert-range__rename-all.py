# rewrite-of: bases/from_annotated_transformer.py via control-assert-range, rename-all
import torch
import torch.nn as nn

class ObjectiveFn(nn.Module):
    """Implement label smoothing."""

    def __init__(self, buf, aux, beta=0.0):
        super(ObjectiveFn, self).__init__()
        self.mode_ = nn.KLDivLoss(reduction='sum')
        self.lossfn = aux
        self.k_ = 1.0 - beta
        self.p0 = beta
        self.scale_ = buf
        self.coef = None

    def forward(self, vec, y_true):
        assert 0 <= self.p0 < 1, 'smoothing must be in [0, 1)'
        assert vec.size(1) == self.scale_
        outputs = vec.data.clone()
        outputs.fill_(self.p0 / (self.scale_ - 2))
        outputs.scatter_(1, y_true.data.unsqueeze(1), self.k_)
        outputs[:, self.lossfn] = 0
        dist = torch.nonzero(y_true.data == self.lossfn)
        if dist.dim() > 0:
            outputs.index_fill_(0, dist.squeeze(), 0.0)
        self.coef = outputs
        return self.mode_(vec, outputs.clone().detach())
