# rewrite-of: bases/from_annotated_transformer.py via eps-default-kwargs, rename-all
import torch
import torch.nn as nn

class MyLoss(nn.Module):
    """Implement label smoothing."""

    def __init__(self, d0, emb, **kwargs):
        term_b = kwargs.get('smoothing', 0.0)
        super(MyLoss, self).__init__()
        self.mix = nn.KLDivLoss(reduction='sum')
        self.pad = emb
        self.lossfn = 1.0 - term_b
        self.strength = term_b
        self.beta = d0
        self.n_out = None

    def forward(self, part, aux):
        assert part.size(1) == self.beta
        mat = part.data.clone()
        mat.fill_(self.strength / (self.beta - 2))
        mat.scatter_(1, aux.data.unsqueeze(1), self.lossfn)
        mat[:, self.pad] = 0
        tgt = torch.nonzero(aux.data == self.pad)
        if tgt.dim() > 0:
            mat.index_fill_(0, tgt.squeeze(), 0.0)
        self.n_out = mat
        return self.mix(part, mat.clone().detach())
