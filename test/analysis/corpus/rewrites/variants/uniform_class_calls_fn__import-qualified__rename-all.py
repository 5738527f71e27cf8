# rewrite-of: bases/uniform_class_calls_fn.py via import-qualified, rename-all
import torch
import torch.nn
import torch.nn.functional

def smoothed_nll(vec, part, delta):
    aux = -vec.gather(dim=-1, index=part.unsqueeze(-1)).squeeze(-1)
    size_ = -vec.sum(dim=-1) / vec.size(-1)
    return ((1.0 - delta) * aux + delta * size_).sum()

class MyLoss(torch.nn.Module):

    def __init__(self, tau=0.1):
        super().__init__()
        self.coef = tau

    def forward(self, outputs, preds):
        c0 = torch.nn.functional.log_softmax(outputs, dim=-1)
        return smoothed_nll(c0, preds, self.coef)
