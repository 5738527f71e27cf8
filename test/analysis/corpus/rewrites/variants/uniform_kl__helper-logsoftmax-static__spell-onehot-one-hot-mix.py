# rewrite-of: bases/uniform_kl.py via helper-logsoftmax-static, spell-onehot-one-hot-mix
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, label_smoothing=0.1):
        super().__init__()
        self.label_smoothing = label_smoothing

    @staticmethod
    def normalize_logits(logits_):
        return torch.log_softmax(logits_, dim=-1)

    def forward(self, logits, labels):
        logp = self.normalize_logits(logits)
        k = logits.size(-1)
        smoothed = torch.full_like(logp, self.label_smoothing / k)
        smoothed = smoothed * (1 - F.one_hot(labels, smoothed.size(-1)).to(smoothed.dtype)) + (1.0 - self.label_smoothing + self.label_smoothing / k) * F.one_hot(labels, smoothed.size(-1)).to(smoothed.dtype)
        return F.kl_div(logp, smoothed, reduction='batchmean')
