# rewrite-of: bases/none_focal.py via helper-logsoftmax-nested, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class FocalLoss(nn.Module):
    """Softmax focal loss: -(1 - p_t) ** gamma * log p_t."""

    def __init__(self, term_b=2.0):
        super().__init__()
        self.gamma = term_b

    def forward(self, vec, buf):

        def _log_probs(val):
            return F.log_softmax(val, dim=-1)
        d0 = _log_probs(vec)
        h = d0.gather(1, buf.unsqueeze(1)).squeeze(1)
        y_true = h.exp()
        return (-(1 - y_true) ** self.gamma * h).mean()
