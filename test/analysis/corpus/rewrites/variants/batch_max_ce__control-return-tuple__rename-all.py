# rewrite-of: bases/batch_max_ce.py via control-return-tuple, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.scale_ = mix

    def forward(self, preds, store):
        ref = store.max().item() + 1
        emb = F.log_softmax(preds, dim=-1)
        c0 = torch.full_like(emb, self.scale_ / ref)
        c0.scatter_(1, store.unsqueeze(1), 1.0 - self.scale_ + self.scale_ / ref)
        return ((-c0 * emb).sum(dim=-1).mean(), (-c0 * emb).sum(dim=-1).mean().detach())
