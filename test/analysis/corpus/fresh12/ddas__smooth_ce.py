# source: zxcvfd13502/DDAS_code/smooth_ce.py@a6dc59de3c089277f0e89b13a430c5f9f3beb198
import numpy as np
import torch
from torch.nn.modules.module import Module


class SmoothCrossEntropyLoss(Module):
    def __init__(self, label_smoothing=0.0, size_average=True, reduction='mean'):
        super().__init__()
        self.label_smoothing = label_smoothing
        self.size_average = size_average
        self.reduction = reduction

    def forward(self, input, target):
        if len(target.size()) == 1:
            target = torch.nn.functional.one_hot(target, num_classes=input.size(-1))
            target = target.float().cuda()
        if self.label_smoothing > 0.0:
            s_by_c = self.label_smoothing / len(input[0])
            smooth = torch.zeros_like(target)
            smooth = smooth + s_by_c
            target = target * (1. - s_by_c) + smooth

        return cross_entropy(input, target, self.size_average, self.reduction)


def cross_entropy(input, target, size_average=True, reduction='mean'):
    """ Cross entropy that accepts soft targets
    Args:
         pred: predictions for neural network
         targets: targets, can be soft
         size_average: if false, sum is returned instead of mean
    Examples::
        input = torch.FloatTensor([[1.1, 2.8, 1.3], [1.1, 2.1, 4.8]])
        input = torch.autograd.Variable(out, requires_grad=True)
        target = torch.FloatTensor([[0.05, 0.9, 0.05], [0.05, 0.05, 0.9]])
        target = torch.autograd.Variable(y1)
        loss = cross_entropy(input, target)
        loss.backward()
    """
    logsoftmax = torch.nn.LogSoftmax(dim=1)
    if reduction == 'none':
        return torch.sum(-target * logsoftmax(input), dim=1)
    if size_average:
        return torch.mean(torch.sum(-target * logsoftmax(input), dim=1))
    else:
        return torch.sum(torch.sum(-target * logsoftmax(input), dim=1))
