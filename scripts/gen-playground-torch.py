"""Records real PyTorch's numbers (or its refusals) for the playground's samples into a JSON fixture.

The mocha test test/webview/torchFixture.test.ts checks the playground against it without Python.
Run with a Python that has torch (1.13 was used):  /usr/bin/python3 scripts/gen-playground-torch.py
Each case is computed here with torch directly, independently of the playground's "Copy as PyTorch" script.

It also runs every kind of "Copy as PyTorch" script the playground writes (the states of test/support/scriptCases.ts,
scripts written by scripts/playground-scripts.ts through npx tsx) and records what torch makes of each in
test/fixtures/playground-scripts.json, checked by test/webview/torchScripts.test.ts.
"""

import contextlib
import hashlib
import io
import json
import math
import random
import subprocess
from pathlib import Path

import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test" / "fixtures" / "playground-torch.json"
SCRIPTS_OUT = ROOT / "test" / "fixtures" / "playground-scripts.json"

# The tensors of src/core/playground/samples.ts (the test checks that they still parse to these).
SAMPLES = {
    "seed000": ("logits", [[0, 0.2, 0.7, 0.1, 0], [0, 0.9, 0.2, 0.2, 1], [1, 0.2, 0.7, 0.9, 1]], [2, 1, 0]),
    "seed001": (
        "logits",
        [
            [-0.6981, 0.9529, -0.0807, -0.5213, -0.0753],
            [0.8347, -1.4822, -0.0525, -0.7690, 0.4886],
            [-1.1051, 0.3915, 0.5995, 1.0561, 0.7371],
        ],
        [1, 1, 3],
    ),
    "seed002Gap": ("logits", [[3.3322, 0, 0], [10, 0, 0]], [0, 0]),
    "seed003Ce": (
        "logits",
        [
            [0.4290, 0.7201, 0.9481, 0.4797],
            [0.5414, 0.9906, 0.4086, 0.2183],
            [0.1834, 0.2852, 0.7813, 0.1048],
            [0.6550, 0.8375, 0.1823, 0.5239],
            [0.2432, 0.9644, 0.5034, 0.0320],
            [0.8316, 0.3807, 0.3539, 0.2114],
            [0.9839, 0.6632, 0.7001, 0.0155],
            [0.3840, 0.7968, 0.4917, 0.4324],
            [0.5174, 0.6913, 0.1628, 0.5692],
        ],
        [1, 0, 1, 2, 3, 1, 0, 1, 1],
    ),
    "seed003Bce": (
        "probabilities",
        [0.4290, 0.7201, 0.9481, 0.4797, 0.5414, 0.9906],
        [1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
    ),
}

LOSSES = ["cross_entropy", "nll_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "kl_div"]
BINARY_LOSSES = {"binary_cross_entropy", "binary_cross_entropy_with_logits"}
CONVENTIONS = {False: ["uniform", "k_minus_1"], True: ["binary", "batch_max_plus_1"]}
EPSILONS = [0, 0.3, 1]
# Options beyond the sample's own, on a few losses: class weights, an ignored class, a temperature.
VARIANTS = [
    ("seed000", {"weightText": "[1, 2, 0.5, 1, 1]"}, ["cross_entropy", "nll_loss", "kl_div"]),
    ("seed001", {"ignoreIndex": 1}, ["cross_entropy", "nll_loss", "kl_div"]),
    ("seed003Ce", {"temperature": 2}, ["cross_entropy", "nll_loss", "kl_div"]),
    ("seed003Bce", {"weightText": "[1, 2, 1, 1, 0.5, 1]"}, sorted(BINARY_LOSSES)),
    ("seed003Bce", {"temperature": 0.5}, sorted(BINARY_LOSSES)),
]


def is_index(target):
    return target.dtype == torch.long


def to_logits(x, kind, binary, temperature):
    if kind == "probabilities":
        x = torch.logit(x) if binary else torch.log(x)
    return x / temperature


def loss_input(x, kind, loss, temperature):
    """What the loss is called on: logits (CE, BCE-with-logits), log-probabilities (NLL, KL), probabilities (BCE)."""
    binary = loss in BINARY_LOSSES
    need = {"binary_cross_entropy": "probabilities", "nll_loss": "log_probabilities", "kl_div": "log_probabilities"}
    need = need.get(loss, "logits")
    if need == kind and temperature == 1:
        return x
    z = to_logits(x, kind, binary, temperature)
    if need == "logits":
        return z
    return torch.sigmoid(z) if binary else F.log_softmax(z, dim=-1)


def categorical_targets(target, classes, convention, eps, ignore_index):
    off = eps / (classes if convention == "uniform" else classes - 1)
    on = 1 - (classes - 1) * off
    if not is_index(target):
        return off + target * (on - off)
    keep = target != ignore_index
    q = torch.zeros(len(target), classes, dtype=torch.float64)
    q[keep] = off
    q[keep.nonzero().squeeze(1), target[keep]] = on
    return q


def torch_loss(sample, loss, convention, reduction, eps, options):
    kind, x_list, t_list = SAMPLES[sample]
    x = torch.tensor(x_list, dtype=torch.float64)
    integral = all(float(v).is_integer() for v in t_list) and not any(isinstance(v, float) for v in t_list)
    target = torch.tensor(t_list, dtype=torch.long if integral else torch.float64)
    weight = options.get("weightText")
    weight = torch.tensor(json.loads(weight), dtype=torch.float64) if weight else None
    ignore_index = options.get("ignoreIndex", -100)
    inp = loss_input(x, kind, loss, options.get("temperature", 1))
    if loss in BINARY_LOSSES:
        divisor = 2 if convention == "binary" else target.max() + 1
        q = target.to(torch.float64) * (1 - eps) + eps / divisor
        call = F.binary_cross_entropy if loss == "binary_cross_entropy" else F.binary_cross_entropy_with_logits
        return call(inp, q, weight=weight, reduction=reduction)
    if loss == "nll_loss" and not is_index(target):
        # torch's nll_loss takes class indices only, smoothed or not.
        return F.nll_loss(inp, target, weight=weight, ignore_index=ignore_index, reduction=reduction)
    if loss == "kl_div":
        if weight is not None:
            return F.kl_div(inp, target, reduction=reduction, weight=weight)
        q = categorical_targets(target, x.shape[-1], convention, eps, ignore_index)
        return F.kl_div(inp, q, reduction=reduction)
    if loss == "nll_loss" and eps == 0 and convention == "uniform":
        return F.nll_loss(inp, target, weight=weight, ignore_index=ignore_index, reduction=reduction)
    # Smoothed NLL is cross-entropy on log-probabilities (log_softmax leaves them unchanged).
    if convention == "uniform":
        return F.cross_entropy(
            inp, target, weight=weight, ignore_index=ignore_index, reduction=reduction, label_smoothing=eps
        )
    q = categorical_targets(target, x.shape[-1], convention, eps, ignore_index)
    return F.cross_entropy(inp, q, weight=weight, reduction=reduction)


def prior_of(target, classes, options):
    """The prior convention's pi, computed here from its source: label frequencies, a distribution or counts."""
    source = options.get("priorSource", "frequencies")
    if source == "frequencies":
        kept = target[target != options.get("ignoreIndex", -100)]
        counts = torch.bincount(kept, minlength=classes).to(torch.float64)
    else:
        counts = torch.tensor(json.loads(options["priorText"]), dtype=torch.float64)
    return counts / counts.sum() if source != "vector" else counts


def prior_loss(sample, loss, reduction, eps, options):
    """Smoothing toward a prior: F.cross_entropy (F.kl_div) with probability targets (1 - eps) * one_hot + eps * pi."""
    kind, x_list, t_list = SAMPLES[sample]
    x = torch.tensor(x_list, dtype=torch.float64)
    target = torch.tensor(t_list, dtype=torch.long)
    classes = x.shape[-1]
    weight = options.get("weightText")
    weight = torch.tensor(json.loads(weight), dtype=torch.float64) if weight else None
    keep = (target != options.get("ignoreIndex", -100)).unsqueeze(1)
    one_hot = F.one_hot(target.clamp(min=0), classes).to(torch.float64)
    q = ((1 - eps) * one_hot + eps * prior_of(target, classes, options)) * keep
    inp = loss_input(x, kind, loss, options.get("temperature", 1))
    if loss == "kl_div":
        return F.kl_div(inp, q, reduction=reduction)
    return F.cross_entropy(inp, q, weight=weight, reduction=reduction)


PRIOR_SAMPLES = ["seed000", "seed001", "seed002Gap", "seed003Ce"]
PRIOR_CASES = 72


def random_prior_options(rng, sample):
    classes = len(SAMPLES[sample][1][0])
    options = {"convention": "prior", "priorSource": rng.choice(["frequencies", "vector", "counts"])}
    if options["priorSource"] == "counts":
        options["priorText"] = json.dumps([rng.randint(0, 50) for _ in range(classes - 1)] + [rng.randint(1, 50)])
    elif options["priorSource"] == "vector":
        raw = [rng.random() for _ in range(classes)]
        options["priorText"] = json.dumps([v / sum(raw) for v in raw])
    if rng.random() < 0.5:
        options["weightText"] = json.dumps([round(rng.uniform(0.1, 3), 3) for _ in range(classes)])
    labels = SAMPLES[sample][2]
    if rng.random() < 0.2 and len(set(labels)) > 1:  # an ignored class, leaving some labels to estimate pi from
        options["ignoreIndex"] = labels[0]
    return options


def prior_cases():
    """Random (prior, eps, reduction, weight) combinations; KL (not affine in eps) on the slider's grid of 1/20."""
    rng = random.Random(12)
    cases = []
    for i in range(PRIOR_CASES):
        sample = PRIOR_SAMPLES[i % len(PRIOR_SAMPLES)]
        loss = ["cross_entropy", "nll_loss", "kl_div"][i % 3]
        options = random_prior_options(rng, sample)
        if loss == "kl_div":
            options.pop("weightText", None)
            eps = rng.randint(0, 20) / 20
            reduction = rng.choice(["mean", "sum", "batchmean"])
        else:
            eps = rng.random()
            reduction = rng.choice(["mean", "sum", "none"])
        case = {"sample": sample, "patch": {"loss": loss, "reduction": reduction, "epsilon": eps, **options}}
        case["torch"] = prior_loss(sample, loss, reduction, eps, options).sum().item()
        cases.append(case)
    return cases


def record(sample, loss, convention, reduction, eps, options):
    case = {"sample": sample, "patch": {"loss": loss, "convention": convention, "reduction": reduction, "epsilon": eps}}
    case["patch"].update(options)
    try:
        out = torch_loss(sample, loss, convention, reduction, eps, options)
        value = out.sum().item()
        case["torch"] = value if math.isfinite(value) else str(value)
    except (RuntimeError, ValueError, TypeError) as error:
        case["torchError"] = str(error).split("\n")[0]
    return case


def main():
    cases = []
    for sample in SAMPLES:
        for loss in LOSSES:
            reductions = ["mean", "sum", "none"] + (["batchmean"] if loss == "kl_div" else [])
            for convention in CONVENTIONS[loss in BINARY_LOSSES]:
                for reduction in reductions:
                    for eps in EPSILONS:
                        cases.append(record(sample, loss, convention, reduction, eps, {}))
    for sample, options, losses in VARIANTS:
        for loss in losses:
            for convention in CONVENTIONS[loss in BINARY_LOSSES]:
                for eps in EPSILONS:
                    cases.append(record(sample, loss, convention, "mean", eps, options))
    cases.extend(prior_cases())
    samples = {k: {"inputKind": v[0], "input": v[1], "target": v[2]} for k, v in SAMPLES.items()}
    fixture = {"torch": torch.__version__, "samples": samples, "cases": cases}
    lines = ",\n  ".join(json.dumps(c) for c in cases)
    head = json.dumps({k: v for k, v in fixture.items() if k != "cases"})[:-1]
    OUT.write_text(f'{head}, "cases": [\n  {lines}\n]}}\n')
    refused = sum("torchError" in c for c in cases)
    print(f"{len(cases)} cases ({refused} refused by torch) -> {OUT}")


def number(value):
    return value if math.isfinite(value) else str(value)


def run_script(script):
    """What torch makes of one script: its `loss` summed (the playground's headline for reduction 'none'), or the error."""
    scope = {}
    try:
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            exec(compile(script, "<copy-as-pytorch>", "exec"), scope)
        if not printed.getvalue().strip():
            return {"torchError": "printed nothing"}
        return {"torch": number(scope["loss"].sum().item())}
    except Exception as error:  # noqa: BLE001 - any failure of the script is the finding
        return {"torchError": f"{type(error).__name__}: {str(error).splitlines()[0]}"}


def record_scripts():
    made = subprocess.run(
        ["npx", "tsx", "scripts/playground-scripts.ts"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    written = json.loads(made.stdout)
    cases = []
    for case in written["cases"]:
        script = case.pop("script", None)
        if script is not None:
            case["sha256"] = hashlib.sha256(script.encode()).hexdigest()
            case.update(run_script(script))
        cases.append(case)
    lines = ",\n  ".join(json.dumps(c) for c in cases)
    head = json.dumps({"torch": torch.__version__, "samples": written["samples"]})[:-1]
    SCRIPTS_OUT.write_text(f'{head}, "cases": [\n  {lines}\n]}}\n')
    failed = sum("torchError" in c for c in cases)
    scripts = sum("sha256" in c for c in cases)
    print(f"{len(cases)} states, {scripts} scripts, {failed} failed in torch -> {SCRIPTS_OUT}")


if __name__ == "__main__":
    main()
    record_scripts()
