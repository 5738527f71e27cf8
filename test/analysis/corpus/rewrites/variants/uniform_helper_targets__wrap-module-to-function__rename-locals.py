# rewrite-of: bases/uniform_helper_targets.py via wrap-module-to-function, rename-locals
import torch
import torch.nn as nn
import torch.nn.functional as F

def smooth_targets(labels, depth, beta):
    aux = torch.full((labels.size(0), depth), beta / depth)
    return aux.scatter(1, labels.unsqueeze(1), 1.0 - beta + beta / depth)

def smoothed_loss(a0, mat, tau, gold):
    scores = smooth_targets(mat, a0.size(1), tau)
    prev = a0.log_softmax(dim=1)
    store = -(scores * prev).sum(dim=1)
    if gold == 'sum':
        return store.sum()
    return store.mean()

class SmoothedCE(nn.Module):

    def __init__(self, amount=0.1, width='mean'):
        super().__init__()
        self.eps = amount
        self.reduction = width

    def forward(self, emb, cur):
        return smoothed_loss(emb, cur, tau=self.eps, gold=self.reduction)
