# source: modelled on Vlasenko2006/Storyteller/LabelSmoothingLoss.py@bed9ef96d87283235a668b1a036cf8ecc7282035 (written for round b18b from the maths, not a copy)
# Сглаживание меток для генерации текста: токен <pad> не получает вероятности и не входит в потерю.
import torch
import torch.nn as nn


class SeqLabelSmoothing(nn.Module):
    def __init__(self, vocab_size, pad_idx=0, smoothing=0.1):
        super().__init__()
        self.V = vocab_size
        self.pad_idx = pad_idx
        self.smoothing = smoothing
        self.criterion = nn.KLDivLoss(reduction="sum")

    def forward(self, logits, target):
        # logits: (B, T, V), target: (B, T)
        b, t, v = logits.size()
        lprobs = logits.log_softmax(-1).view(-1, v)
        target = target.reshape(-1)
        true_dist = torch.zeros_like(lprobs)
        # масса сглаживания делится на V - 2 класса: без правильного и без <pad>
        true_dist.fill_(self.smoothing / (v - 2))
        true_dist.scatter_(1, target.unsqueeze(1), 1.0 - self.smoothing)
        true_dist[:, self.pad_idx] = 0
        pad_rows = target == self.pad_idx
        true_dist[pad_rows] = 0.0
        n_tokens = (~pad_rows).sum().clamp(min=1)
        return self.criterion(lprobs, true_dist) / n_tokens
