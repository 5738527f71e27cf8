# source: SpottedBush/CLIP-Vision-NLP/train/clipLoss.py@333f40b4dbd6032b7d8869f1675320bc5f047ba5
from torch import nn
import torch

class CLIPLoss(nn.Module):
    def __init__(self, temperature=0.07):
        super().__init__()
        self.temperature = temperature

    def forward(self, image_features, text_features):
        image_features = image_features / image_features.norm(dim=1, keepdim=True)
        text_features = text_features / text_features.norm(dim=1, keepdim=True)
        logits = (image_features @ text_features.T) / self.temperature
        labels = torch.arange(logits.size(0), device=logits.device)
        loss_i = nn.CrossEntropyLoss()(logits, labels)
        loss_t = nn.CrossEntropyLoss()(logits.T, labels)
        return (loss_i + loss_t) / 2

