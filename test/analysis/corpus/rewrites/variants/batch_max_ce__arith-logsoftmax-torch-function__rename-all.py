# rewrite-of: bases/batch_max_ce.py via arith-logsoftmax-torch-function, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

class ObjectiveFn(nn.Module):
    """Infers the class count from the labels in the batch."""

    def __init__(self, tau=0.1):
        super().__init__()
        self.conf = tau

    def forward(self, y_true, inp):
        width = inp.max().item() + 1
        nxt = torch.log_softmax(y_true, dim=-1)
        preds = torch.full_like(nxt, self.conf / width)
        preds.scatter_(1, inp.unsqueeze(1), 1.0 - self.conf + self.conf / width)
        return (-preds * nxt).sum(dim=-1).mean()
