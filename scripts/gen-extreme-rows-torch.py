"""Records real PyTorch's cross-entropy on rows whose first logit is far from their max into a JSON fixture.

The core's fast row kernels shift a row by its first logit; these rows (first logit far below or far above the max,
losses from ~1e-12 to ~1e6, targets at the max and elsewhere, ignore_index, label smoothing, every reduction) are
where that shift could lose digits. test/core/losses.extremeRows.test.ts checks the core against this file, in the
format of ../shared/fixtures (see its README), without Python.
Run with a Python that has torch (1.13 was used):  /usr/bin/python3 scripts/gen-extreme-rows-torch.py
"""

import json
import math
import random
from pathlib import Path

import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test" / "fixtures" / "torch-extreme-rows.json"
IGNORE = -100


def wide_row(rng, classes, first, top, at):
    """`classes` logits around -25, the first one `first`, the one at `at` `top`."""
    row = [rng.uniform(-35.0, -15.0) for _ in range(classes)]
    row[0] = first
    row[at] = top
    return row


def batch():
    rng = random.Random(18)
    rows = [
        ([-40.0, 0.0], 1),  # loss e^-40 below one ulp of 1: torch says 0
        ([-20.0, 0.0], 1),  # loss ~2e-9
        ([-14.0, 0.0, -25.0, -30.0], 1),
        ([-27.0, 3.0, -24.0, -23.5, -29.0], 1),  # loss ~1e-11
        ([-299.0, 0.0], 1),
        ([-299.0, 0.0], 0),  # loss 299
        ([-250.0, 5.0, -260.0, -240.0], 1),
        ([-250.0, 5.0, -260.0, -240.0], 2),  # loss 265
        ([1e6 - 280.0, 1e6, 1e6 - 30.0], 1),
        ([0.0, -40.0], 0),  # first far above the rest
        ([30.0, -20.0, -25.0, 29.0], 0),
        ([30.0, -20.0, -25.0, 5.0], 0),
        ([-5.0, 0.0, 1.0, 0.5], 2),  # an ordinary row
        ([-1e6, 0.0, -3.0], 1),  # spread past the first-value range
        ([-60.0, -1.0, -30.0, -45.0], 2),
        (wide_row(rng, 37, -200.0, 10.0, 5), 5),
        (wide_row(rng, 37, -200.0, 10.0, 5), 7),
        (wide_row(rng, 64, -120.0, -3.0, 63), 63),
        (wide_row(rng, 64, 40.0, 12.0, 9), 0),
        ([-35.0, 0.0, -21.0], IGNORE),
    ]
    return rows


def padded(rows):
    width = max(len(r) for r, _ in rows)
    # Rows of one batch share their class count: the narrow ones are padded 290 below their max, inside the first
    # logit's range, where exp adds less than an ulp of the max's 1 (torch's order of summing many tiny terms would
    # otherwise decide the last digits of a loss of 1e-7).
    return [r + [max(r) - 290.0] * (width - len(r)) for r, _ in rows], [t for _, t in rows]


def tensor_json(t):
    data = [v if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")) for v in t.reshape(-1).tolist()]
    return {"shape": list(t.shape), "data": data}


def case(ident, groups, options, note):
    logits, targets = groups
    x = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    y = torch.tensor(targets, dtype=torch.int64)
    reduction = options["reduction"]
    if options.get("smoothing") == "k_minus_1":
        eps = options["labelSmoothing"]
        classes = x.shape[1]
        q = torch.full(x.shape, eps / (classes - 1), dtype=torch.float64)
        q[torch.arange(len(targets)), y] = 1 - eps
        out = F.cross_entropy(x, q, reduction=reduction)
    else:
        out = F.cross_entropy(
            x, y, reduction=reduction, label_smoothing=options.get("labelSmoothing", 0.0), ignore_index=IGNORE
        )
    out.sum().backward()
    expected = {"output": tensor_json(out.detach()), "gradInput": tensor_json(x.grad)}
    if reduction == "none":
        expected["gradOf"] = "sum"
    target = {"shape": [len(targets)], "data": targets, "dtype": "int64"}
    opts = dict(options)
    if opts.get("smoothing") != "k_minus_1":
        opts["ignoreIndex"] = IGNORE
    return {"id": ident, "fn": "cross_entropy", "input": tensor_json(x.detach()), "target": target,
            "options": opts, "expected": expected, "note": note}


def main():
    rows = batch()
    cases = []
    # Each row alone (its own class count) and all rows in one padded batch.
    groups = [(f"row{i:02d}", padded([r])) for i, r in enumerate(rows)] + [("batch", padded(rows))]
    kept = [r for r in rows if r[1] != IGNORE]
    for name, group in groups:
        for reduction in ("none", "mean", "sum"):
            for eps in (0.0, 0.1):
                options = {"reduction": reduction}
                if eps:
                    options["labelSmoothing"] = eps
                cases.append(case(f"extreme-{name}-{reduction}-eps{eps}", group, options, "first logit far from max"))
    for reduction in ("none", "mean", "sum"):
        options = {"reduction": reduction, "labelSmoothing": 0.1, "smoothing": "k_minus_1"}
        cases.append(case(f"extreme-batch-{reduction}-k_minus_1", padded(kept), options, "K-1 smoothing"))
    OUT.write_text(json.dumps({"about": __doc__.splitlines()[0], "torch": torch.__version__, "cases": cases}, indent=None) + "\n")
    print(f"{len(cases)} cases -> {OUT}")


if __name__ == "__main__":
    main()
