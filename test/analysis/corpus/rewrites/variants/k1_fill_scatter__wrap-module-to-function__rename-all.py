# rewrite-of: bases/k1_fill_scatter.py via wrap-module-to-function, rename-all
import torch
import torch.nn as nn

def smoothed_loss(term_a, arr, amount, part, tmp):
    term_a = term_a.log_softmax(dim=-1)
    with torch.no_grad():
        a0 = torch.zeros_like(term_a)
        a0.fill_(amount / (part - 1))
        a0.scatter_(1, arr.unsqueeze(1), tmp)
    return torch.mean(torch.sum(-a0 * term_a, dim=-1))

class CriterionA(nn.Module):

    def __init__(self, z, tau=0.1):
        super().__init__()
        self.k_ = 1.0 - tau
        self.lossfn = tau
        self.mix = z

    def forward(self, nxt, tgt):
        return smoothed_loss(nxt, tgt, amount=self.lossfn, part=self.mix, tmp=self.k_)
