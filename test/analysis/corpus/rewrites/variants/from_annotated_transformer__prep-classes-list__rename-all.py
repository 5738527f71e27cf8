# rewrite-of: bases/from_annotated_transformer.py via prep-classes-list, rename-all
import torch
import torch.nn as nn

class TrainLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, aux, prev, nxt, gamma_=0.0):
        super(TrainLoss, self).__init__()
        self.coef = nn.KLDivLoss(reduction='sum')
        self.crit = nxt
        self.beta = 1.0 - gamma_
        self.mix = gamma_
        self.pad = prev
        self.scale_ = None
        self.k_ = list(aux)

    def forward(self, preds, cur):
        assert len(self.k_) == self.pad
        tmp = preds.data.clone()
        tmp.fill_(self.mix / (self.pad - 2))
        tmp.scatter_(1, cur.data.unsqueeze(1), self.beta)
        tmp[:, self.crit] = 0
        arr = torch.nonzero(cur.data == self.crit)
        if arr.dim() > 0:
            tmp.index_fill_(0, arr.squeeze(), 0.0)
        self.scale_ = tmp
        return self.coef(preds, tmp.clone().detach())
