# rewrite-of: bases/k1_fill_scatter.py via struct-delegate-method, rename-locals
import torch
import torch.nn as nn

class OtherClassSmoothing(nn.Module):

    def __init__(self, c0, tau=0.1):
        super().__init__()
        self.confidence = 1.0 - tau
        self.smoothing = tau
        self.cls = c0

    def forward(self, d0, cur):
        return self.loss_terms(d0, cur)

    def loss_terms(self, depth, buf):
        depth = depth.log_softmax(dim=-1)
        with torch.no_grad():
            lp = torch.zeros_like(depth)
            lp.fill_(self.smoothing / (self.cls - 1))
            lp.scatter_(1, buf.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-lp * depth, dim=-1))
