# source: modelled on xiaoyiming1999/Calibration_for_RMFD/models/Temperature.py@588c1ffe1a0c8b72ab9873b20f5de52cd20a56c9 (written for round b18b from the maths, not a copy)
import torch
from torch import nn
import torch.nn.functional as F


class Temperature_scaling(nn.Module):
    def __init__(self):
        super(Temperature_scaling, self).__init__()
        self.temperature = nn.Parameter(torch.ones(1) * 1.5)

    def forward(self, logits):
        return self.temperature_scale(logits)

    def temperature_scale(self, logits):
        temperature = self.temperature.unsqueeze(1).expand(logits.size(0), logits.size(1))
        return logits / temperature


class ECE(nn.Module):
    """Expected calibration error with equal-width confidence bins."""

    def __init__(self, n_bins=15):
        super(ECE, self).__init__()
        bounds = torch.linspace(0, 1, n_bins + 1)
        self.lowers = bounds[:-1]
        self.uppers = bounds[1:]

    def forward(self, logits, labels):
        softmaxes = F.softmax(logits, dim=1)
        confidences, predictions = torch.max(softmaxes, 1)
        accuracies = predictions.eq(labels)
        ece = torch.zeros(1, device=logits.device)
        for lo, hi in zip(self.lowers, self.uppers):
            in_bin = confidences.gt(lo.item()) * confidences.le(hi.item())
            prop = in_bin.float().mean()
            if prop.item() > 0:
                acc = accuracies[in_bin].float().mean()
                conf = confidences[in_bin].mean()
                ece += torch.abs(conf - acc) * prop
        return ece


def fit_temperature(model, val_logits, val_labels, epochs=100):
    ts = Temperature_scaling()
    opt = torch.optim.Adam(ts.parameters(), lr=0.01)
    for _ in range(epochs):
        opt.zero_grad()
        loss = F.cross_entropy(ts(val_logits), val_labels)
        loss.backward()
        opt.step()
    return ts
