# source: modelled on Tony607/Keras_Bag_of_Tricks/label_smoothing.py@1775b9b582735da4e92df5741220f563d7c6ebe0 (written for round b18b from the maths, not a copy)
# Bag of tricks, ported to PyTorch: the labels are smoothed in NumPy, in the Dataset, and the loss only sees
# soft targets.
import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import Dataset


def smooth_targets_np(labels, num_classes, smooth_factor=0.1):
    """Integer labels -> matrix of smoothed one-hot rows (NumPy)."""
    onehot = np.eye(num_classes, dtype=np.float32)[labels]
    return onehot * (1.0 - smooth_factor) + smooth_factor / num_classes


class SmoothedLabels(Dataset):
    def __init__(self, images, labels, num_classes=10, eps=0.1):
        self.images = images
        self.labels = labels
        self.k = num_classes
        self.eps = eps

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        t = np.full(self.k, self.eps / self.k, dtype=np.float32)
        t[self.labels[idx]] += 1.0 - self.eps
        return torch.as_tensor(self.images[idx]), torch.from_numpy(t)


def soft_xent(logits, soft):
    return torch.mean(torch.sum(-soft * F.log_softmax(logits, dim=-1), dim=-1))


def train_one_epoch(model, loader, optimizer):
    model.train()
    total = 0.0
    for x, t in loader:
        optimizer.zero_grad()
        loss = soft_xent(model(x), t)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / max(len(loader), 1)
