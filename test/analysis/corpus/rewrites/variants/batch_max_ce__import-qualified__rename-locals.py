# rewrite-of: bases/batch_max_ce.py via import-qualified, rename-locals
import torch
import torch.nn
import torch.nn.functional

class BatchInferredSmoothing(torch.nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, gamma_=0.1):
        super().__init__()
        self.smoothing = gamma_

    def forward(self, preds, tgt):
        a0 = tgt.max().item() + 1
        term_b = torch.nn.functional.log_softmax(preds, dim=-1)
        logq = torch.full_like(term_b, self.smoothing / a0)
        logq.scatter_(1, tgt.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / a0)
        return (-logq * term_b).sum(dim=-1).mean()
