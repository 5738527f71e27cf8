# rewrite-of: bases/none_focal.py via wrap-reduction-switch, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, gamma=2.0, reduction='mean'):
        super().__init__()
        self.n_out = gamma
        self.pad = reduction

    def forward(self, logits, target):
        logp = F.log_softmax(logits, dim=-1)
        logpt = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        pt = logpt.exp()
        per_sample = -(1 - pt) ** self.n_out * logpt
        if self.pad == 'mean':
            return per_sample.mean()
        elif self.pad == 'sum':
            return per_sample.sum()
        elif self.pad == 'none':
            return per_sample
        else:
            raise ValueError(f'unknown reduction {self.pad}')
