# rewrite-of: bases/uniform_kl.py via prep-rows-view, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, amount=0.1):
        super().__init__()
        self.n_out = amount

    def forward(self, size_, d0):
        size_ = size_.view(-1, size_.size(-1))
        z = torch.log_softmax(size_, dim=-1)
        y_true = size_.size(-1)
        preds = torch.full_like(z, self.n_out / y_true)
        preds.scatter_(1, d0.unsqueeze(1), 1.0 - self.n_out + self.n_out / y_true)
        return F.kl_div(z, preds, reduction='batchmean')
