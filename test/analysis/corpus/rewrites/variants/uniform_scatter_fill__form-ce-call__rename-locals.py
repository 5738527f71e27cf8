# rewrite-of: bases/uniform_scatter_fill.py via form-ce-call, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.smoothing = alpha

    def forward(self, labels, buf):
        prev = F.log_softmax(labels, dim=-1)
        ref = labels.size(-1)
        with torch.no_grad():
            emb = torch.zeros_like(prev)
            emb.fill_(self.smoothing / ref)
            emb.scatter_(1, buf.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / ref)
        return F.cross_entropy(labels, emb)
