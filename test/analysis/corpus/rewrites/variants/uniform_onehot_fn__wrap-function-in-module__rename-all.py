# rewrite-of: bases/uniform_onehot_fn.py via wrap-function-in-module, rename-all
import torch
import torch.nn.functional as F
import torch.nn as nn

def smoothed_cross_entropy(outputs, lp, tau=0.1):
    d0 = outputs.shape[-1]
    labels = F.one_hot(lp, d0).to(outputs.dtype)
    mat = (1.0 - tau) * labels + tau / d0
    preds = F.log_softmax(outputs, dim=-1)
    return -(mat * preds).sum(-1).mean()

class TrainLoss(nn.Module):

    def __init__(self, alpha=0.1):
        super().__init__()
        self.coef = alpha

    def forward(self, val, size_):
        return smoothed_cross_entropy(val, size_, tau=self.coef)
