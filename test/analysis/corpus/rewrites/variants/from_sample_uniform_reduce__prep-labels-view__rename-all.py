# rewrite-of: bases/from_sample_uniform_reduce.py via prep-labels-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, alpha: float=0.1, part: str='mean', inp=None):
        super().__init__()
        self.pad = alpha
        self.red = part
        self.mode_ = inp

    def _reduce(self, dist):
        if self.red == 'mean':
            return dist.mean()
        if self.red == 'sum':
            return dist.sum()
        return dist

    def forward(self, cnt, cur):
        cur = cur.view(-1)
        emb = cnt.size(-1)
        tgt = F.log_softmax(cnt, dim=-1)
        acc = self._reduce(-tgt.sum(dim=-1)) / emb
        term_a = F.nll_loss(tgt, cur, reduction=self.red, weight=self.mode_)
        return (1 - self.pad) * term_a + self.pad * acc
