"""Mistakes that train without an error and still give the wrong loss. Loss Lens flags each one."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


def double_softmax(logits, labels):
    probs = F.softmax(logits, dim=-1)
    return nn.CrossEntropyLoss()(probs, labels)


def double_log_softmax(logits, labels):
    return F.cross_entropy(F.log_softmax(logits, dim=1), labels)


def bce_on_raw_logits(features, y):
    head = nn.Linear(64, 1)
    scores = head(features).squeeze(-1)
    return nn.BCELoss()(scores, y)


def classes_from_batch(logits, target):
    num_classes = target.max() + 1
    return F.one_hot(target, num_classes)


criterion_bad_smoothing = nn.CrossEntropyLoss(label_smoothing=1.5)
criterion_old_api = nn.CrossEntropyLoss(size_average=False)


def legacy_wrap(x):
    return Variable(x)


def log_probs_without_dim(logits):
    return F.log_softmax(logits)


def weighted_log_probs(logits, target, weight):
    log_probs = F.log_softmax(logits, dim=-1) * weight.unsqueeze(0)
    return F.nll_loss(log_probs, target)
