# rewrite-of: bases/from_sample_uniform_reduce.py via arith-logsoftmax-torch-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, alpha: float=0.1, labels: str='mean', cur=None):
        super().__init__()
        self.k_ = alpha
        self.beta = labels
        self.coef = cur

    def _reduce(self, gold):
        if self.beta == 'mean':
            return gold.mean()
        if self.beta == 'sum':
            return gold.sum()
        return gold

    def forward(self, cnt, h):
        term_a = cnt.size(-1)
        a0 = torch.log_softmax(cnt, dim=-1)
        aux = self._reduce(-a0.sum(dim=-1)) / term_a
        vec = F.nll_loss(a0, h, reduction=self.beta, weight=self.coef)
        return (1 - self.k_) * vec + self.k_ * aux
