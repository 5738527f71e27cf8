# source: modelled on MMakonnen/leakage-cbm/calibration/calibration.py@52becfddd8ebd1eb73b33c16ba801f9e481b6723 (written for round b18b from the maths, not a copy)
# Post-hoc temperature scaling (Guo et al. 2017): one scalar T fitted on validation logits.
import torch
import torch.nn as nn
import torch.optim as optim


class TemperatureScaler(nn.Module):
    def __init__(self, init_T=1.5):
        super().__init__()
        self.temperature = nn.Parameter(torch.ones(1) * init_T)

    def forward(self, logits):
        return logits / self.temperature

    def set_temperature(self, logits, labels):
        nll_criterion = nn.CrossEntropyLoss()
        optimizer = optim.LBFGS([self.temperature], lr=0.01, max_iter=50)
        logits = logits.detach()
        labels = labels.detach()

        def closure():
            optimizer.zero_grad()
            loss = nll_criterion(logits / self.temperature, labels)
            loss.backward()
            return loss

        optimizer.step(closure)
        return self.temperature.item()


def smoothed_probs(logits, T):
    # a softer distribution for display: softmax at a higher temperature
    return torch.softmax(logits / T, dim=-1)


def concept_interpolation(c_true, c_pred, alpha=0.5):
    # mix ground-truth concepts with predicted ones (intervention strength alpha)
    return alpha * c_true + (1 - alpha) * c_pred
