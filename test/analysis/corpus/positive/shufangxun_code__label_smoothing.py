# source: modelled on shufangxun/Code/深度学习/label_smoothing.py@bdf155760493c250c18a69dab22f38078d8e89ab (written for round b18b from the maths, not a copy)
# 标签平滑 (label smoothing) 学习笔记: 原地修改 one-hot, 然后交叉熵
import torch
import torch.nn as nn
import torch.nn.functional as F


def smooth_labels(y, smooth_factor=0.1):
    # y: (N, C) 的 one-hot 矩阵
    assert len(y.shape) == 2
    if 0 <= smooth_factor <= 1:
        y = y.clone()
        y *= 1 - smooth_factor
        # y.shape[1] 是类别数, 平均分给所有类别
        y += smooth_factor / y.shape[1]
    else:
        raise Exception('Invalid label smoothing factor: ' + str(smooth_factor))
    return y


class SmoothCE(nn.Module):
    """交叉熵 + 标签平滑"""

    def __init__(self, smooth_factor=0.1):
        super(SmoothCE, self).__init__()
        self.smooth_factor = smooth_factor

    def forward(self, logits, labels):
        y = F.one_hot(labels, logits.shape[1]).float()
        y = smooth_labels(y, self.smooth_factor)
        # 负对数似然, 对类别求和, 对样本求平均
        return (-y * torch.log_softmax(logits, 1)).sum(1).mean()


class FocalSmoothCE(nn.Module):
    """focal loss 的调制因子乘在平滑后的标签上"""

    def __init__(self, num_classes, gamma=2.0, eps=0.1):
        super().__init__()
        self.C = num_classes
        self.gamma = gamma
        self.eps = eps

    def forward(self, logits, labels):
        logp = F.log_softmax(logits, dim=1)
        p = logp.exp()
        t = (1 - self.eps) * F.one_hot(labels, self.C).to(logp.dtype) + self.eps / self.C
        loss = -(t * (1 - p) ** self.gamma * logp).sum(dim=1)
        return loss.mean()


if __name__ == '__main__':
    crit = SmoothCE(0.1)
    out = torch.randn(4, 5)
    lab = torch.tensor([0, 3, 1, 4])
    print(crit(out, lab).item())
