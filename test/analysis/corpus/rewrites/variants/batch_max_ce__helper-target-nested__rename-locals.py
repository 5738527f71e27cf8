# rewrite-of: bases/batch_max_ce.py via helper-target-nested, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class BatchInferredSmoothing(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, rho=0.1):
        super().__init__()
        self.smoothing = rho

    def forward(self, val, tmp):
        part = tmp.max().item() + 1
        term_a = F.log_softmax(val, dim=-1)

        def build_soft_targets(lp, cnt, emb):
            ref = torch.full_like(lp, self.smoothing / cnt)
            ref.scatter_(1, emb.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / cnt)
            return ref
        labels = build_soft_targets(term_a, part, tmp)
        return (-labels * term_a).sum(dim=-1).mean()
