# rewrite-of: bases/uniform_kl.py via helper-logsoftmax-static, struct-config-dataclass
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

@dataclass
class SmoothingConfig:
    label_smoothing: float = 0.1

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, label_smoothing=0.1):
        super().__init__()
        self.cfg = SmoothingConfig(label_smoothing=label_smoothing)

    @staticmethod
    def normalize_logits(z):
        return torch.log_softmax(z, dim=-1)

    def forward(self, logits, labels):
        logp = self.normalize_logits(logits)
        k = logits.size(-1)
        smoothed = torch.full_like(logp, self.cfg.label_smoothing / k)
        smoothed.scatter_(1, labels.unsqueeze(1), 1.0 - self.cfg.label_smoothing + self.cfg.label_smoothing / k)
        return F.kl_div(logp, smoothed, reduction='batchmean')
