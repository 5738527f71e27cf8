# base-from: test/analysis/realworld/annotated_transformer_label_smoothing.py
# base: from_annotated_transformer convention: k_minus_2_padding
# spec: {"symbol": "LabelSmoothing", "eps_param": "smoothing", "eps_attr": "smoothing", "init": {"size": "$K", "padding_idx": "$PAD"}, "k_attr": "size", "input": "logprobs", "target": "index_pad", "ref": "k_minus_2_padding", "form": "kl", "reduction": "sum", "fallback": "F.nll_loss({x}, {t}, ignore_index=self.padding_idx, reduction='sum')", "q_var": "true_dist", "logp_var": "x", "has_zeros": true, "axis": true}
import torch
import torch.nn as nn


class LabelSmoothing(nn.Module):
    "Implement label smoothing."

    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size
        self.true_dist = None

    def forward(self, x, target):
        assert x.size(1) == self.size
        true_dist = x.data.clone()
        true_dist.fill_(self.smoothing / (self.size - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        true_dist[:, self.padding_idx] = 0
        mask = torch.nonzero(target.data == self.padding_idx)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())
