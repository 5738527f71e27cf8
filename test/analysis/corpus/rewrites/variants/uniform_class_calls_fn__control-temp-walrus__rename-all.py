# rewrite-of: bases/uniform_class_calls_fn.py via control-temp-walrus, rename-all
import torch
import torch.nn as nn
import torch.nn.functional as F

def smoothed_nll(tmp, z, amount):
    prev = -tmp.gather(dim=-1, index=z.unsqueeze(-1)).squeeze(-1)
    term_a = -tmp.sum(dim=-1) / tmp.size(-1)
    return ((1.0 - amount) * prev + amount * term_a).sum()

class ClsCriterion(nn.Module):

    def __init__(self, mix=0.1):
        super().__init__()
        self.strength = mix

    def forward(self, labels, emb):
        return smoothed_nll((scores := F.log_softmax(labels, dim=-1)), emb, self.strength)
