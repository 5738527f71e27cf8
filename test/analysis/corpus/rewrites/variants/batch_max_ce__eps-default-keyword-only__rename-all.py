# rewrite-of: bases/batch_max_ce.py via eps-default-keyword-only, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TrainLoss(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, *, delta=0.1):
        super().__init__()
        self.n_out = delta

    def forward(self, b0, store):
        h = store.max().item() + 1
        size_ = F.log_softmax(b0, dim=-1)
        ref = torch.full_like(size_, self.n_out / h)
        ref.scatter_(1, store.unsqueeze(1), 1.0 - self.n_out + self.n_out / h)
        return (-ref * size_).sum(dim=-1).mean()
