# rewrite-of: bases/from_annotated_transformer.py via eps-hoist, rename-all
import torch
import torch.nn as nn

class TaskObjective(nn.Module):
    """Implement label smoothing."""

    def __init__(self, b0, y_true, alpha=0.0):
        super(TaskObjective, self).__init__()
        self.wt = nn.KLDivLoss(reduction='sum')
        self.beta = y_true
        self.lossfn = 1.0 - alpha
        self.p0 = alpha
        self.conf = b0
        self.crit = None

    def forward(self, inp, width):
        assert inp.size(1) == self.conf
        d0 = inp.data.clone()
        vec = self.p0 / (self.conf - 2)
        d0.fill_(vec)
        d0.scatter_(1, width.data.unsqueeze(1), self.lossfn)
        d0[:, self.beta] = 0
        emb = torch.nonzero(width.data == self.beta)
        if emb.dim() > 0:
            d0.index_fill_(0, emb.squeeze(), 0.0)
        self.crit = d0
        return self.wt(inp, d0.clone().detach())
