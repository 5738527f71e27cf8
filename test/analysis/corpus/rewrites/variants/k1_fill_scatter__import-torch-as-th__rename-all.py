# rewrite-of: bases/k1_fill_scatter.py via import-torch-as-th, rename-all
import torch as th
import torch.nn as nn

class MyLoss(nn.Module):

    def __init__(self, h, mix=0.1):
        super().__init__()
        self.wt = 1.0 - mix
        self.pad = mix
        self.mode_ = h

    def forward(self, aux, size_):
        aux = aux.log_softmax(dim=-1)
        with th.no_grad():
            outputs = th.zeros_like(aux)
            outputs.fill_(self.pad / (self.mode_ - 1))
            outputs.scatter_(1, size_.unsqueeze(1), self.wt)
        return th.mean(th.sum(-outputs * aux, dim=-1))
