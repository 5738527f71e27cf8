# rewrite-of: bases/batch_max_ce.py via axis-flatten-transpose, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, lam=0.1):
        super().__init__()
        self.smoothing = lam

    def forward(self, mat, preds):
        mat = mat.transpose(1, 2).contiguous().view(-1, mat.size(1))
        preds = preds.contiguous().view(-1)
        a0 = preds.max().item() + 1
        store = F.log_softmax(mat, dim=-1)
        nxt = torch.full_like(store, self.smoothing / a0)
        nxt.scatter_(1, preds.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / a0)
        return (-nxt * store).sum(dim=-1).mean()
