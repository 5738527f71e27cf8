# source: JCCotrina/UWMGI/src/losses/bce.py@02246f30969c729ed0f5538147954b7de9fdd719
import torch
import torch.nn as F

def bce(pr, gt):
    #input (torch.Tensor): input data tensor with shape :math:`(B, *)`.
    #target (torch.Tensor): the target tensor with shape :math:`(B, *)`.
    return F.BCEWithLogitsLoss(pr, gt)
