# rewrite-of: bases/none_focal.py via helper-logsoftmax-module, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def normalize_logits(acc):
    return F.log_softmax(acc, dim=-1)

class ClsCriterion(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, ref=2.0):
        super().__init__()
        self.beta = ref

    def forward(self, preds, aux):
        tmp = normalize_logits(preds)
        term_b = tmp.gather(1, aux.unsqueeze(1)).squeeze(1)
        term_a = term_b.exp()
        return (-(1 - term_a) ** self.beta * term_b).mean()
