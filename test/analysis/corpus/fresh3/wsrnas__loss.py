# source: zhicheng2T0/Wsr-NAS/search/module_trainer_attacker/loss.py@7736f5da58bca7d61fa096d83e1b76b5d742f1ac
import torch

from torch import nn


class CrossEntropyLabelSmooth(nn.Module):

    def __init__(self, num_classes, epsilon):
        super(CrossEntropyLabelSmooth, self).__init__()
        self.num_classes = num_classes
        self.epsilon = epsilon
        self.log_softmax = nn.LogSoftmax(dim=1)

    def forward(self, inputs, targets):
        log_prob = self.log_softmax(inputs)
        targets = torch.zeros_like(log_prob).scatter_(1, targets.unsqueeze(1), 1)
        targets = (1 - self.epsilon) * targets + self.epsilon / self.num_classes
        loss = (-targets * log_prob).mean(0).sum()
        return loss
