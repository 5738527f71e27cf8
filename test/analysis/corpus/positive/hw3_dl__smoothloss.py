# source: Drackyyy/hw3_dl_course/smoothloss.py@c0563b3396b87bb246e870d14721c74d8723ea72
'''
Author: your name
Date: 2021-04-21 16:33:46
LastEditTime: 2021-04-21 17:01:12
LastEditors: Please set LastEditors
Description: In User Settings Edit
FilePath: /Homework2_yangxiaocong/dl_2021_hw2/dl_2021_hw2/hw2_start_code/src/smoothloss.py
'''

import torch
import torch.nn.functional as F
import torch.nn as nn
class LabelSmoothLoss(nn.Module):
    def __init__(self, smoothing=0.0):
        super(LabelSmoothLoss, self).__init__()
        self.smoothing = smoothing
    
    def forward(self, input, target):
        log_prob = F.log_softmax(input, dim=-1)
        weight = input.new_ones(input.size()) * \
            self.smoothing / (input.size(-1) - 1.)
        weight.scatter_(-1, target.unsqueeze(-1), (1. - self.smoothing))
        loss = (-weight * log_prob).sum(dim=-1).mean()
        return loss
