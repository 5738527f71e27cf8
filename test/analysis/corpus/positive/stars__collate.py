# source: modelled on TaatiTeam/STARS/loss/general.py@b8e81dd3522b35bf3224bcad3e57561ad7de2a9a (written for round b18b from the maths, not a copy)
# The DataLoader hands the training loop soft targets: label smoothing happens in collate_fn.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

NUM_CLASSES = 60
SMOOTHING = 0.1


def smooth_collate(batch, num_classes=NUM_CLASSES, eps=SMOOTHING):
    xs, ys = zip(*batch)
    y = torch.tensor(ys, dtype=torch.long)
    t = torch.full((len(ys), num_classes), eps / (num_classes - 1))
    t.scatter_(1, y[:, None], 1.0 - eps)
    return torch.stack(xs), t


def soft_target_loss(logits, t):
    return (-t * F.log_softmax(logits, dim=-1)).sum(-1).mean()


def make_loader(dataset, batch_size=32):
    return DataLoader(dataset, batch_size=batch_size, shuffle=True, collate_fn=smooth_collate)


def train(model, dataset, optimizer, epochs=1):
    loader = make_loader(dataset)
    for _ in range(epochs):
        for x, t in loader:
            optimizer.zero_grad()
            loss = soft_target_loss(model(x), t)
            loss.backward()
            optimizer.step()
