# rewrite-of: bases/uniform_kl.py via eps-bounds, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

class KLLabelSmoothing(nn.Module):
    """KL divergence to (1 - eps) * onehot + eps / K, averaged over the batch."""

    def __init__(self, beta=0.1):
        beta = max(0.0, min(1.0, beta))
        super().__init__()
        self.label_smoothing = beta

    def forward(self, preds, emb):
        cnt = torch.log_softmax(preds, dim=-1)
        width = preds.size(-1)
        tgt = torch.full_like(cnt, self.label_smoothing / width)
        tgt.scatter_(1, emb.unsqueeze(1), 1.0 - self.label_smoothing + self.label_smoothing / width)
        return F.kl_div(cnt, tgt, reduction='batchmean')
