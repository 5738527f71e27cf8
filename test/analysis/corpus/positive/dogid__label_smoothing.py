# source: modelled on jkurtz678/dogid/train/core/loss.py@ed94e889b865626f70d0fe7055eec369f98b78c5 (written for round b18b from the maths, not a copy)
import torch
import torch.nn.functional as F
from torch import nn


class LabelSmoothingLoss(nn.Module):
    # 정답 클래스에는 1 - smoothing, 나머지 클래스에는 smoothing / (classes - 1)
    def __init__(self, classes=120, smoothing=0.1):
        super(LabelSmoothingLoss, self).__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.classes = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        with torch.no_grad():
            mask = F.one_hot(target, self.classes).bool()
            true_dist = torch.where(
                mask,
                torch.full_like(pred, self.confidence),
                torch.full_like(pred, self.smoothing / (self.classes - 1)),
            )
        # 배치 평균
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
