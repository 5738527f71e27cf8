# rewrite-of: bases/uniform_kl.py via arith-logsoftmax-softmax-log, rename-attrs
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, label_smoothing=0.1):
        super().__init__()
        self.red = label_smoothing

    def forward(self, logits, labels):
        logp = logits.softmax(dim=-1).log()
        k = logits.size(-1)
        smoothed = torch.full_like(logp, self.red / k)
        smoothed.scatter_(1, labels.unsqueeze(1), 1.0 - self.red + self.red / k)
        return F.kl_div(logp, smoothed, reduction='batchmean')
