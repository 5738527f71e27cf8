# source: modelled on cswjl/eps-softmax/losses.py@1b9efb5f25b90f30f0d41453225258ee684c51f4 (written for round b18b from the maths, not a copy)
# Robust losses for noisy labels: eps-softmax (pushes the prediction, not the label), reverse CE, MAE, GCE.
import torch
import torch.nn as nn
import torch.nn.functional as F

eps = 1e-8


class ECELoss(nn.Module):
    def __init__(self, m, eps=1e-8):
        super(ECELoss, self).__init__()
        self.m = m
        self.eps = eps

    def forward(self, input, target):
        probs = F.softmax(input, dim=1).clone()
        probs[torch.arange(len(probs)), torch.argmax(probs, dim=1)] += self.m
        probs = probs / (self.m + 1)
        probs = torch.clamp(probs, min=self.eps)
        return F.nll_loss(torch.log(probs), target)


class RCELoss(nn.Module):
    def __init__(self, num_classes=10, scale=1.0):
        super(RCELoss, self).__init__()
        self.num_classes = num_classes
        self.scale = scale

    def forward(self, pred, labels):
        pred = torch.clamp(F.softmax(pred, dim=1), min=eps, max=1.0)
        label_one_hot = F.one_hot(labels, self.num_classes).float()
        label_one_hot = torch.clamp(label_one_hot, min=1e-4, max=1.0)
        return self.scale * (-1 * torch.sum(pred * torch.log(label_one_hot), dim=1)).mean()


class MAELoss(nn.Module):
    def __init__(self, num_classes=10, scale=2.0):
        super(MAELoss, self).__init__()
        self.num_classes = num_classes
        self.scale = scale

    def forward(self, pred, labels):
        pred = F.softmax(pred, dim=1)
        label_one_hot = F.one_hot(labels, self.num_classes).float()
        return self.scale * (1.0 - torch.sum(label_one_hot * pred, dim=1)).mean()


class GCELoss(nn.Module):
    def __init__(self, num_classes=10, q=0.7):
        super(GCELoss, self).__init__()
        self.q = q
        self.num_classes = num_classes

    def forward(self, pred, labels):
        pred = torch.clamp(F.softmax(pred, dim=1), min=eps, max=1.0)
        label_one_hot = F.one_hot(labels, self.num_classes).float()
        return ((1.0 - torch.pow(torch.sum(label_one_hot * pred, dim=1), self.q)) / self.q).mean()
