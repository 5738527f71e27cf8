# source: modelled on ayushjain1144/NER/loss.py@1a61c45f53356e5433046b637fc6e4cab40c38e3 (written for round b18b from the maths, not a copy)
# Token classification (NER) losses: logits (B, T, C), tags (B, T), -100 / mask for padding.
import torch
import torch.nn as nn
import torch.nn.functional as F


class TokenClassifierLoss(nn.Module):
    def __init__(self, label_smoothing=0.1, ignore_index=-100):
        super().__init__()
        self.ls = label_smoothing
        self.ignore_index = ignore_index

    def forward(self, logits, tags):
        # cross_entropy wants the classes on dim 1
        return F.cross_entropy(logits.permute(0, 2, 1), tags, ignore_index=self.ignore_index, label_smoothing=self.ls)


def masked_smoothed_nll(log_probs, tags, mask, eps=0.1):
    nll = -log_probs.gather(2, tags.unsqueeze(2)).squeeze(2)
    smooth = -log_probs.sum(2) / log_probs.size(2)
    loss = ((1 - eps) * nll + eps * smooth) * mask
    return loss.sum() / mask.sum()
