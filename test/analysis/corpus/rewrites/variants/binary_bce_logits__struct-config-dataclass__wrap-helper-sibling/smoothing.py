# rewrite-of: bases/binary_bce_logits.py via struct-config-dataclass, wrap-helper-sibling
from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

def make_target_distribution(target, cfg):
    soft = target * (1.0 - cfg.eps) + cfg.eps / 2
    return soft
