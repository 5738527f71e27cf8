# rewrite-of: bases/k1_fill_scatter.py via spell-logsoftmax-F, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class OtherClassSmoothing(nn.Module):

    def __init__(self, store, mix=0.1):
        super().__init__()
        self.confidence = 1.0 - mix
        self.smoothing = mix
        self.cls = store

    def forward(self, outputs, emb):
        outputs = F.log_softmax(outputs, -1)
        with torch.no_grad():
            gold = torch.zeros_like(outputs)
            gold.fill_(self.smoothing / (self.cls - 1))
            gold.scatter_(1, emb.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-gold * outputs, dim=-1))
