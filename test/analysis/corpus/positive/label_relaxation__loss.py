# source: julilien/LabelRelaxation/src/label_relaxation/loss.py@cbbf2d514920e36fb67f128e92581bb8381f91f6
"""Label relaxation loss (Lienen & Hüllermeier, AAAI 2021).

(Module docstring shortened here: the loss is 0 when p_y >= 1 - alpha, else KL(pr || p_hat) with the credal-set
projection pr_y = 1 - alpha, pr_k = alpha * p_hat_k / (1 - p_hat_y); for one-hot targets
KL(pr || p_hat) = (1 - alpha) * log((1 - alpha) / p_hat_y) + alpha * log(alpha / (1 - p_hat_y)).)
"""

import math

import torch
import torch.nn.functional as F
from torch import Tensor, nn

__all__ = ["LabelRelaxationLoss", "label_relaxation_loss"]

_REDUCTIONS = ("mean", "sum", "none")


def _targets_to_indices(logits: Tensor, target: Tensor) -> Tensor:
    """Normalize class-index or one-hot targets to an index tensor of shape ``logits.shape[:-1]``."""
    if not target.is_floating_point():
        if target.shape != logits.shape[:-1]:
            raise ValueError(
                f"Index targets must have shape {tuple(logits.shape[:-1])} for logits of shape "
                f"{tuple(logits.shape)}, got {tuple(target.shape)}."
            )
        return target.long()

    if target.shape != logits.shape:
        raise ValueError(
            f"Probability-vector targets must have the same shape as the logits "
            f"{tuple(logits.shape)}, got {tuple(target.shape)}."
        )
    one_hot_mass = target.max(dim=-1).values
    if not bool(torch.all((one_hot_mass == 1) & (target.sum(dim=-1) == 1)).item()):
        raise ValueError(
            "Probability-vector targets must be exactly one-hot. Soft targets (e.g. from "
            "mixup) require a credal-set combination rule that is not implemented yet."
        )
    return target.argmax(dim=-1)


def label_relaxation_loss(
    logits: Tensor,
    target: Tensor,
    alpha: float = 0.1,
    reduction: str = "mean",
) -> Tensor:
    """Functional label relaxation loss (argument docs shortened)."""
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}.")
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}.")
    if logits.dim() < 1 or logits.shape[-1] < 2:
        raise ValueError(f"logits must have a class dimension of size >= 2, got shape {tuple(logits.shape)}.")

    index = _targets_to_indices(logits, target)

    # Upcast half-precision inputs to float32 (fp16/bf16-safe under autocast);
    # float32/float64 inputs are kept as-is.
    if logits.dtype not in (torch.float32, torch.float64):
        logits = logits.float()
    log_z = torch.logsumexp(logits, dim=-1)
    log_p_y = logits.gather(-1, index.unsqueeze(-1)).squeeze(-1) - log_z

    # log(1 - p_y) via logsumexp over the non-target logits; stable even when p_y ~ 1.
    target_mask = F.one_hot(index, num_classes=logits.shape[-1]).bool()
    log_s = torch.logsumexp(logits.masked_fill(target_mask, float("-inf")), dim=-1) - log_z

    divergence = (1.0 - alpha) * (math.log(1.0 - alpha) - log_p_y) + alpha * (math.log(alpha) - log_s)
    loss = torch.where(log_p_y >= math.log(1.0 - alpha), divergence.new_zeros(()), divergence)

    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


class LabelRelaxationLoss(nn.Module):
    """Label relaxation loss module; see :func:`label_relaxation_loss`."""

    def __init__(self, alpha: float = 0.1, reduction: str = "mean") -> None:
        super().__init__()
        if not 0.0 < alpha < 1.0:
            raise ValueError(f"alpha must be in (0, 1), got {alpha}.")
        if reduction not in _REDUCTIONS:
            raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}.")
        self.alpha = alpha
        self.reduction = reduction

    def forward(self, logits: Tensor, target: Tensor) -> Tensor:
        return label_relaxation_loss(logits, target, alpha=self.alpha, reduction=self.reduction)

    def extra_repr(self) -> str:
        return f"alpha={self.alpha}, reduction={self.reduction!r}"
