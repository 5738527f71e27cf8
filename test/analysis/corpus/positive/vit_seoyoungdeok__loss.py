# source: SeoYoungDeok/ViT_pytorch/loss/loss.py@aa000eab060f5f6635ec2364638ca8efbd0d18b2
import torch.nn.functional as F


def cross_entropy(pred, label):
    return F.cross_entropy(pred, label, label_smoothing=0.1)
