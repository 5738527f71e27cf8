# source: keyvan-amiri/UQ4PPM/loss/QuantileLoss.py@6a0bafa27083d553d076476e27d05f6eb3d3070b
import torch
   
class QuantileLoss(torch.nn.Module):
    def __init__(self):
        super(QuantileLoss, self).__init__()

    def forward(self, yhat, y, tau):
        diff = yhat - y
        mask = (diff.ge(0).float() - tau).detach()
        return (mask * diff).mean()