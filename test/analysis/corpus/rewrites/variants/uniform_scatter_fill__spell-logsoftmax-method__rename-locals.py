# rewrite-of: bases/uniform_scatter_fill.py via spell-logsoftmax-method, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class UniformLabelSmoothing(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.smoothing = mix

    def forward(self, ref, preds):
        acc = ref.log_softmax(dim=-1)
        a0 = ref.size(-1)
        with torch.no_grad():
            lp = torch.zeros_like(acc)
            lp.fill_(self.smoothing / a0)
            lp.scatter_(1, preds.unsqueeze(1), 1.0 - self.smoothing + self.smoothing / a0)
        return torch.sum(-lp * acc, dim=-1).mean()
