# rewrite-of: bases/batch_max_ce.py via arith-fill-new-full, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class TaskObjective(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, alpha=0.1):
        super().__init__()
        self.k_ = alpha

    def forward(self, cur, y_true):
        scores = y_true.max().item() + 1
        ref = F.log_softmax(cur, dim=-1)
        nxt = ref.new_full(ref.shape, self.k_ / scores)
        nxt.scatter_(1, y_true.unsqueeze(1), 1.0 - self.k_ + self.k_ / scores)
        return (-nxt * ref).sum(dim=-1).mean()
