# source: sungnyun/MixCo-Mixup-Contrastive/simclr/loss/mix_loss.py@6d0681ca94c54c3f3370ccb33ec1f66d77526922
import torch
import torch.nn as nn
import torch.nn.functional as F


class SoftCrossEntropy(nn.Module):
    def forward(self, logits, target):
        probs = F.softmax(logits, 1) 
        loss = (- target * torch.log(probs)).sum(1).mean()

        return loss
