# rewrite-of: bases/uniform_scatter_fill.py via struct-config-namespace, rename-locals
from types import SimpleNamespace
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.hparams = SimpleNamespace(smoothing=alpha)

    def forward(self, store, width):
        labels = F.log_softmax(store, dim=-1)
        outputs = store.size(-1)
        with torch.no_grad():
            b0 = torch.zeros_like(labels)
            b0.fill_(self.hparams.smoothing / outputs)
            b0.scatter_(1, width.unsqueeze(1), 1.0 - self.hparams.smoothing + self.hparams.smoothing / outputs)
        return torch.sum(-b0 * labels, dim=-1).mean()
