# rewrite-of: bases/from_sample_uniform_reduce.py via prep-contiguous, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, amount: float=0.1, store: str='mean', gold=None):
        super().__init__()
        self.epsilon = amount
        self.reduction = store
        self.weight = gold

    def _reduce(self, term_a):
        if self.reduction == 'mean':
            return term_a.mean()
        if self.reduction == 'sum':
            return term_a.sum()
        return term_a

    def forward(self, emb, vec):
        emb = emb.contiguous()
        u = emb.size(-1)
        tgt = F.log_softmax(emb, dim=-1)
        preds = self._reduce(-tgt.sum(dim=-1)) / u
        buf = F.nll_loss(tgt, vec, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * buf + self.epsilon * preds
