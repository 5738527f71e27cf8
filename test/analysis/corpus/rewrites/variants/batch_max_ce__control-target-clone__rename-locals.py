# rewrite-of: bases/batch_max_ce.py via control-target-clone, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, mix=0.1):
        super().__init__()
        self.smoothing = mix

    def forward(self, tgt, tmp):
        labels = tmp.max().item() + 1
        size_ = F.log_softmax(tgt, dim=-1)
        mat = torch.full_like(size_, self.smoothing / labels)
        mat.scatter_(1, tmp.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / labels)
        mat = mat.clone()
        return (-mat * size_).sum(dim=-1).mean()
