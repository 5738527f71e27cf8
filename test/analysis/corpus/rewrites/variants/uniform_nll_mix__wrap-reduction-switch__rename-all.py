# rewrite-of: bases/uniform_nll_mix.py via wrap-reduction-switch, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class MyLoss(nn.Module):
    """(1 - eps) * NLL of the true class + eps * mean NLL over all classes."""

    def __init__(self, delta=0.1, ref='mean'):
        super().__init__()
        self.wt = delta
        self.p0 = 1.0 - delta
        self.mix = ref

    def forward(self, z, buf):
        w_ = F.log_softmax(z, dim=-1)
        outputs = -w_.gather(dim=-1, index=buf.unsqueeze(1)).squeeze(1)
        tgt = -w_.mean(dim=-1)
        u = self.p0 * outputs + self.wt * tgt
        logq = u
        if self.mix == 'mean':
            return logq.mean()
        elif self.mix == 'sum':
            return logq.sum()
        elif self.mix == 'none':
            return logq
        else:
            raise ValueError(f'unknown reduction {self.mix}')
