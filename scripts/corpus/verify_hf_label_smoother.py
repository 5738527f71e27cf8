#!/usr/bin/python3
"""Checks, in torch, what transformers' Trainer trains with when `label_smoothing_factor` = ε is not 0.

The Trainer then replaces the model's loss by `LabelSmoother(epsilon=ε)` (transformers/trainer_pt_utils.py), re-written
here from its source. On float64 logits (batch, seq, V) with padding labels -100 it must equal, value and gradient to
1e-9: uniform smoothing ε/V written out (target (1 − ε)·onehot + ε/V, mean over the non-padding tokens) and
`nn.CrossEntropyLoss(label_smoothing=ε, ignore_index=-100)` on the flattened logits; with `shift_labels` (causal LMs)
the same on logits[:, :-1] and labels[:, 1:]. Prints each largest difference and exits 1 when one exceeds 1e-9.

Usage: /usr/bin/python3 scripts/corpus/verify_hf_label_smoother.py
"""
import sys

import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
TOL = 1e-9


def label_smoother(logits, labels, epsilon, ignore_index=-100, shift_labels=False):
    """transformers.trainer_pt_utils.LabelSmoother.__call__, model_output reduced to its logits."""
    if shift_labels:
        logits = logits[..., :-1, :].contiguous()
        labels = labels[..., 1:].contiguous()
    log_probs = -nn.functional.log_softmax(logits, dim=-1)
    if labels.dim() == log_probs.dim() - 1:
        labels = labels.unsqueeze(-1)
    padding_mask = labels.eq(ignore_index)
    labels = torch.clamp(labels, min=0)
    nll_loss = log_probs.gather(dim=-1, index=labels)
    smoothed_loss = log_probs.sum(dim=-1, keepdim=True, dtype=torch.float64)
    nll_loss = nll_loss.masked_fill(padding_mask, 0.0)
    smoothed_loss = smoothed_loss.masked_fill(padding_mask, 0.0)
    num_active_elements = padding_mask.numel() - padding_mask.long().sum()
    nll_loss = nll_loss.sum() / num_active_elements
    smoothed_loss = smoothed_loss.sum() / (num_active_elements * log_probs.shape[-1])
    return (1 - epsilon) * nll_loss + epsilon * smoothed_loss


def uniform_written_out(logits, labels, epsilon):
    v = logits.shape[-1]
    flat, y = logits.reshape(-1, v), labels.reshape(-1)
    keep = y != -100
    q = (1 - epsilon) * nn.functional.one_hot(y[keep], v) + epsilon / v
    return -(q * nn.functional.log_softmax(flat[keep], dim=-1)).sum(-1).mean()


def torch_call(logits, labels, epsilon):
    v = logits.shape[-1]
    ce = nn.CrossEntropyLoss(label_smoothing=epsilon, ignore_index=-100)
    return ce(logits.reshape(-1, v), labels.reshape(-1))


def difference(f, g, logits, labels, epsilon, **kw):
    a = logits.clone().requires_grad_(True)
    b = logits.clone().requires_grad_(True)
    fa, gb = f(a, labels, epsilon, **kw), g(b, labels, epsilon)
    (ga,) = torch.autograd.grad(fa, a)
    (gg,) = torch.autograd.grad(gb, b)
    return max((fa - gb).abs().item(), (ga - gg).abs().max().item())


def main():
    gen = torch.Generator().manual_seed(0)
    worst = {"uniform ε/V written out": 0.0, "nn.CrossEntropyLoss(ignore_index=-100)": 0.0, "shift_labels": 0.0}
    for trial in range(20):
        b, t, v = 3, 7, 11 + trial
        logits = torch.randn(b, t, v, generator=gen) * 3
        labels = torch.randint(0, v, (b, t), generator=gen)
        labels[torch.rand(b, t, generator=gen) < 0.3] = -100
        labels[0, 0] = 1  # at least one token counts
        eps = [0.0, 0.1, 0.25, 0.9][trial % 4]
        worst["uniform ε/V written out"] = max(
            worst["uniform ε/V written out"], difference(label_smoother, uniform_written_out, logits, labels, eps)
        )
        worst["nn.CrossEntropyLoss(ignore_index=-100)"] = max(
            worst["nn.CrossEntropyLoss(ignore_index=-100)"],
            difference(label_smoother, torch_call, logits, labels, eps),
        )
        labels[0, 1] = 2
        shifted = lambda x, y, e: torch_call(x[:, :-1], y[:, 1:], e)  # noqa: E731
        worst["shift_labels"] = max(
            worst["shift_labels"], difference(label_smoother, shifted, logits, labels, eps, shift_labels=True)
        )
    for name, d in worst.items():
        print(f"LabelSmoother vs {name}: max |difference| (value, gradient) = {d:.3g}")
    sys.exit(0 if all(d <= TOL for d in worst.values()) else 1)


if __name__ == "__main__":
    main()
