# source: sherry-lxy/shopping_mall_train/model/pooling.py@b683184ada6d8d61378b025787410b80a00138bc
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.parameter import Parameter


class GeMPooling(nn.Module):
    def __init__(self, p=3, eps=1e-6):
        super(GeMPooling, self).__init__()
        self.p = Parameter(torch.ones(1) * p)
        self.eps = eps

    def forward(self, x):
        return F.avg_pool2d(
            x.clamp(min=self.eps).pow(self.p), (x.size(-2), x.size(-1))
        ).pow(1.0 / self.p)
