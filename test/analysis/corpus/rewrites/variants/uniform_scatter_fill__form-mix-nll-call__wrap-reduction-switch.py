# rewrite-of: bases/uniform_scatter_fill.py via form-mix-nll-call, wrap-reduction-switch
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, smoothing=0.1, reduction='mean'):
        super().__init__()
        self.smoothing = smoothing
        self.reduction = reduction

    def forward(self, x, target):
        log_probs = F.log_softmax(x, dim=-1)
        num_classes = x.size(-1)
        nll_loss = F.nll_loss(log_probs, target, reduction='none')
        smooth_loss = -log_probs.sum(dim=-1)
        per_sample = (1.0 - self.smoothing) * nll_loss + self.smoothing / log_probs.size(-1) * smooth_loss
        if self.reduction == 'mean':
            return per_sample.mean()
        elif self.reduction == 'sum':
            return per_sample.sum()
        elif self.reduction == 'none':
            return per_sample
        else:
            raise ValueError(f'unknown reduction {self.reduction}')
