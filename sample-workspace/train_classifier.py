"""A small image-classifier training loop using PyTorch's built-in losses."""
import torch
import torch.nn.functional as F
from torch import nn

NUM_CLASSES = 10
SMOOTHING = 0.2
IGNORE = -100


class Classifier(nn.Module):
    def __init__(self, in_features=64, num_classes=NUM_CLASSES):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(in_features, 128), nn.ReLU(), nn.Linear(128, num_classes))

    def forward(self, x):
        return self.body(x)


def train_epoch(model, loader, optimizer, class_weights):
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    model.train()
    total = 0.0
    for images, labels in loader:
        optimizer.zero_grad()
        logits = model(images)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total / len(loader)


def weighted_loss(logits, labels, class_weights):
    return F.cross_entropy(logits, labels, weight=class_weights, ignore_index=IGNORE, label_smoothing=SMOOTHING)


def multilabel_loss(logits, labels, positive_weights):
    bce = torch.nn.BCEWithLogitsLoss(pos_weight=positive_weights)
    return bce(logits, labels.float())


def distillation_loss(student_logits, teacher_logits, temperature=2.0):
    kl = nn.KLDivLoss(reduction="batchmean")
    student = F.log_softmax(student_logits / temperature, dim=-1)
    teacher = F.softmax(teacher_logits / temperature, dim=-1)
    return kl(student, teacher) * temperature**2


def token_loss(log_probs, tokens, pad_id=0):
    return F.nll_loss(log_probs.view(-1, log_probs.size(-1)), tokens.view(-1), ignore_index=pad_id)
