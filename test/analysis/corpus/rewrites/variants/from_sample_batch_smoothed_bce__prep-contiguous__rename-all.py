# rewrite-of: bases/from_sample_batch_smoothed_bce.py via prep-contiguous, rename-all
import torch
import torch.nn as nn

class TrainLoss(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, gamma_, emb='mean'):
        super().__init__()
        self.mix = gamma_
        self.wt = emb

    def forward(self, labels, c0):
        labels = labels.contiguous()
        h = c0.max().item() + 1
        c0 = c0 * (1 - self.mix) + self.mix / h
        aux = -c0 * torch.log(labels + 1e-12)
        val = -(1 - c0) * torch.log(1 - labels + 1e-12)
        mat = (aux + val).sum()
        if self.wt == 'mean':
            mat = mat / len(labels)
        return mat
