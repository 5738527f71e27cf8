# source: modelled on DEVLOKER/neural-network/2/CrossEntropy.py@9d1cc78b8bfe31b3621f46a6a3ee33afdf5e3448 (written for round b18b from the maths, not a copy)
# A tiny network from scratch: softmax layer, scaled dot-product attention, cross-entropy with its gradient.
import numpy as np
import torch
import torch.nn as nn


class Softmax(nn.Module):
    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        z = x - x.max(dim=self.dim, keepdim=True).values
        e = z.exp()
        return e / e.sum(dim=self.dim, keepdim=True)


class Attention(nn.Module):
    def __init__(self, d, p_drop=0.1):
        super().__init__()
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d)
        self.v = nn.Linear(d, d)
        self.softmax = Softmax(-1)
        self.drop = nn.Dropout(p_drop)
        self.scale = d ** -0.5

    def forward(self, x, mask=None):
        scores = self.q(x) @ self.k(x).transpose(-2, -1) * self.scale
        if mask is not None:
            scores = scores.masked_fill(mask == 0, float('-inf'))
        attn = self.drop(self.softmax(scores))
        return x + attn @ self.v(x)


def softmax_np(x):
    exp_x = np.exp(x - np.max(x, axis=1, keepdims=True))
    return exp_x / np.sum(exp_x, axis=1, keepdims=True)


class CrossEntropy:
    def forward(self, X, y):
        self.m = y.shape[0]
        self.p = softmax_np(X)
        return -np.log(self.p[range(self.m), y]).mean()

    def backward(self, X, y):
        grad = softmax_np(X)
        grad[range(self.m), y] -= 1
        return grad / self.m
