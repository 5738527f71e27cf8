# rewrite-of: bases/batch_max_ce.py via eps-hoist, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.smoothing = mix

    def forward(self, size_, u):
        part = u.max().item() + 1
        scores = F.log_softmax(size_, dim=-1)
        w_ = self.smoothing / part
        buf = torch.full_like(scores, w_)
        buf.scatter_(1, u.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / part)
        return (-buf * scores).sum(dim=-1).mean()
