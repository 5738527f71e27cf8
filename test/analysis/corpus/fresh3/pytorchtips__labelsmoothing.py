# source: anvarganiev/PyTorchTips/labelsmoothing.py@6d6817fc8b659601111630debf0ff1460370d20f
from torch import nn
from torch.nn import functional as F


class LabelSmoothingCrossEntropyLoss(nn.Module):
    def __init__(self, epsilon=0.1):
        super(LabelSmoothingCrossEntropyLoss, self).__init__()
        self.epsilon = epsilon

    def forward(self, output, target):
        num_classes = output.size()[-1]
        log_preds = F.log_softmax(output, dim=-1)
        loss = (-log_preds.sum(dim=-1)).mean()
        nll = F.nll_loss(log_preds, target)
        final_loss = self.epsilon * loss / num_classes + (1 - self.epsilon) * nll
        return final_loss
