# rewrite-of: bases/k1_fill_scatter.py via helper-target-nested, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, labels, tau=0.1):
        super().__init__()
        self.confidence = 1.0 - tau
        self.smoothing = tau
        self.cls = labels

    def forward(self, term_b, buf):
        term_b = term_b.log_softmax(dim=-1)

        def smoothed_labels(scores, d0):
            with torch.no_grad():
                store = torch.zeros_like(scores)
                store.fill_(self.smoothing / (self.cls - 1))
                store.scatter_(1, d0.unsqueeze(1), self.confidence)
            return store
        h = smoothed_labels(term_b, buf)
        return torch.mean(torch.sum(-h * term_b, dim=-1))
