# rewrite-of: bases/from_sample_batch_smoothed_bce.py via prep-rows-view, rename-locals
import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    """Divides alpha by the number of classes it infers from the batch: alpha / 2 only when the batch holds a 1."""

    def __init__(self, rho, scores='mean'):
        super().__init__()
        self.alpha = rho
        self.reduction = scores

    def forward(self, emb, aux):
        emb = emb.view(-1, emb.size(-1))
        part = aux.max().item() + 1
        aux = aux * (1 - self.alpha) + self.alpha / part
        store = -aux * torch.log(emb + 1e-12)
        h = -(1 - aux) * torch.log(1 - emb + 1e-12)
        inp = (store + h).sum()
        if self.reduction == 'mean':
            inp = inp / len(emb)
        return inp
