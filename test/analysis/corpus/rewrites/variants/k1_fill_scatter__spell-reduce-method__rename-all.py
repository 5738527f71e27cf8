# rewrite-of: bases/k1_fill_scatter.py via spell-reduce-method, rename-all
import torch
import torch.nn as nn

class HeadLoss(nn.Module):

    def __init__(self, tgt, amount=0.1):
        super().__init__()
        self.strength = 1.0 - amount
        self.n_out = amount
        self.red = tgt

    def forward(self, inp, ref):
        inp = inp.log_softmax(dim=-1)
        with torch.no_grad():
            term_a = torch.zeros_like(inp)
            term_a.fill_(self.n_out / (self.red - 1))
            term_a.scatter_(1, ref.unsqueeze(1), self.strength)
        return (-term_a * inp).sum(-1).mean()
