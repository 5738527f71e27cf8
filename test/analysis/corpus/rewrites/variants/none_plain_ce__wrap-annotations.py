# rewrite-of: bases/none_plain_ce.py via wrap-annotations
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

class HandWrittenCE(nn.Module):

    def forward(self, scores: Tensor, target: Tensor) -> Tensor:
        """Computes the loss of the logits against the target."""
        logp = F.log_softmax(scores, dim=-1)
        picked = logp.gather(1, target.unsqueeze(1)).squeeze(1)
        return -picked.mean()
