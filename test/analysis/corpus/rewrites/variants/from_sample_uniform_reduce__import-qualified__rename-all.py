# rewrite-of: bases/from_sample_uniform_reduce.py via import-qualified, rename-all
import torch
import torch.nn
import torch.nn.functional

class MyLoss(torch.nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, gamma_: float=0.1, a0: str='mean', term_b=None):
        super().__init__()
        self.alpha = gamma_
        self.beta = a0
        self.conf = term_b

    def _reduce(self, acc):
        if self.beta == 'mean':
            return acc.mean()
        if self.beta == 'sum':
            return acc.sum()
        return acc

    def forward(self, y_true, lp):
        ref = y_true.size(-1)
        size_ = torch.nn.functional.log_softmax(y_true, dim=-1)
        labels = self._reduce(-size_.sum(dim=-1)) / ref
        d0 = torch.nn.functional.nll_loss(size_, lp, reduction=self.beta, weight=self.conf)
        return (1 - self.alpha) * d0 + self.alpha * labels
