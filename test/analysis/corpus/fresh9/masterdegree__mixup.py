# source: DocentSzachista/master-degree-project/scripts/augumentations/mixup.py@172faba1b28842c2b85c68738539f0f0e5d23657
import numpy as np
import torch
import torch.nn as nn


def mixup_criterion(
    lambda_: float, image_1: torch.Tensor, image_2: torch.Tensor
) -> torch.Tensor:
    """Mixes two images with each other"""
    return lambda_ * image_1 + (1 - lambda_) * image_2
