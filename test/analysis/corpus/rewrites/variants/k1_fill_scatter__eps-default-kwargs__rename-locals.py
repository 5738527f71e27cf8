# rewrite-of: bases/k1_fill_scatter.py via eps-default-kwargs, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, term_b, **kwargs):
        prev = kwargs.get('smoothing', 0.1)
        super().__init__()
        self.confidence = 1.0 - prev
        self.smoothing = prev
        self.cls = term_b

    def forward(self, preds, acc):
        preds = preds.log_softmax(dim=-1)
        with torch.no_grad():
            b0 = torch.zeros_like(preds)
            b0.fill_(self.smoothing / (self.cls - 1))
            b0.scatter_(1, acc.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-b0 * preds, dim=-1))
