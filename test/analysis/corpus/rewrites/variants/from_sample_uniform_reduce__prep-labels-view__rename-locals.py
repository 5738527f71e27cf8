# rewrite-of: bases/from_sample_uniform_reduce.py via prep-labels-view, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class LabelSmoothingLoss(nn.Module):
    """Mixes the NLL of the true class with the mean NLL over all classes."""

    def __init__(self, alpha: float=0.1, y_true: str='mean', cnt=None):
        super().__init__()
        self.epsilon = alpha
        self.reduction = y_true
        self.weight = cnt

    def _reduce(self, scores):
        if self.reduction == 'mean':
            return scores.mean()
        if self.reduction == 'sum':
            return scores.sum()
        return scores

    def forward(self, preds, aux):
        aux = aux.view(-1)
        store = preds.size(-1)
        w_ = F.log_softmax(preds, dim=-1)
        acc = self._reduce(-w_.sum(dim=-1)) / store
        h = F.nll_loss(w_, aux, reduction=self.reduction, weight=self.weight)
        return (1 - self.epsilon) * h + self.epsilon * acc
