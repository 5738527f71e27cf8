#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b17c's positive files (framework code: HF Trainer overrides, registries,
criteria built from config objects, TorchScript-exported losses, a two-file package whose loss lives in a sibling).

Run with Debian's interpreter:  /usr/bin/python3 verify_b17c.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F (and
stand-ins for the framework objects they read: a config namespace, a fake HF model, TorchScript's helpers).
Each check compares the loss with cross-entropy against the target its label names. Prints "ok <file> <symbol>".
"""
import ast
import os
import types

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, **extra)
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        node.decorator_list = [d for d in node.decorator_list if not isinstance(d, ast.Call)]
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


def soft_ce(logp, q, dim=-1):
    return -(q * logp).sum(dim)


N, K, EPS = 7, 6, 0.2
x = torch.randn(N, K)
y = torch.randint(1, K, (N,))
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
lsm = F.log_softmax(x, -1)
cfg = types.SimpleNamespace(train=types.SimpleNamespace(label_smooth=EPS), model=types.SimpleNamespace(num_classes=K))

# --- angryhen: uniform (config value), k-1 builder, k-1 loss through the module-level builder; mixup soft CE.
f = "angryhen_cls__smoothing_loss.py"
ns = extract(f, ["LabelSmoothingCELoss", "smooth_one_hot", "LabelSmoothingCELoss_2"])
close(ns["LabelSmoothingCELoss"](cfg)(x, y), soft_ce(lsm, uniform).mean())
close(ns["LabelSmoothingCELoss"](cfg)(x, y), nn.CrossEntropyLoss(label_smoothing=EPS)(x, y))
ok(f, "LabelSmoothingCELoss", "== CE(label_smoothing=eps): (1-e) onehot + e/K")
close(ns["smooth_one_hot"](y, K, EPS), k_minus_1)
ok(f, "smooth_one_hot", "== (1-e) at the label, e/(K-1) elsewhere")
close(ns["LabelSmoothingCELoss_2"](cfg)(x, y), soft_ce(lsm, k_minus_1).mean())
ok(f, "LabelSmoothingCELoss_2", "== CE against the e/(K-1) target")
f = "angryhen_cls__mixup_loss.py"
ns = extract(f, ["SoftTargetLoss"])
q = torch.softmax(torch.randn(N, K), -1)
close(ns["SoftTargetLoss"]()(x, q), soft_ce(lsm, q).mean())
ok(f, "SoftTargetLoss", "== CE against the given soft target")

# --- doulemint: e/(K-1) with an ignore column; the mixup variant; Taylor-softmax CE with e/(K-1); SCE is two hard CEs.
torch.Tensor.cuda = lambda self, *a, **k: self  # the files call .cuda(); run on the CPU
f = "doulemint_ens__label_smoothing.py"
ns = extract(f, ["LabelSmoothingLoss", "LabelSmoothingLoss_clw"])
close(ns["LabelSmoothingLoss"](K, EPS)(x, y), soft_ce(lsm, k_minus_1).sum() / N)
close(ns["LabelSmoothingLoss"](K, EPS)(x, onehot), soft_ce(lsm, k_minus_1).sum() / N)
ok(f, "LabelSmoothingLoss", "== CE against the e/(K-1) target (index or one-hot labels), mean over rows")
close(ns["LabelSmoothingLoss_clw"](EPS, K)(x, onehot.clone()), soft_ce(lsm, k_minus_1).sum() / N)
ok(f, "LabelSmoothingLoss_clw", "one-hot rows: == CE against the e/(K-1) target (mixed rows get shifted soft targets)")
f = "doulemint_ens__taylorceloss.py"
ns = extract(f, ["LabelSmoothingLoss", "TaylorSoftmax", "TaylorCrossEntropyLoss"])
close(ns["LabelSmoothingLoss"](K, EPS)(lsm, y), soft_ce(lsm, k_minus_1).mean())
ok(f, "LabelSmoothingLoss", "== CE (on given log-probs) against the e/(K-1) target")
tl = ns["TaylorSoftmax"](dim=1, n=2)(x).log()
assert torch.allclose(tl.exp().sum(1), torch.ones(N))
close(ns["TaylorCrossEntropyLoss"](K, n=2, smoothing=EPS)(x, y), soft_ce(tl, k_minus_1).mean())
close(ns["TaylorCrossEntropyLoss"](K, n=2, smoothing=EPS)(x, onehot), soft_ce(tl, k_minus_1).sum() / N)
close(ns["TaylorCrossEntropyLoss"](K, n=2, smoothing=0.0)(x, y), F.nll_loss(tl, y))
ok(f, "TaylorCrossEntropyLoss", "== CE of the Taylor-softmax distribution against the e/(K-1) target; plain NLL at e=0")
f = "doulemint_ens__symmetricloss.py"
ns = extract(f, ["SymmetricCrossEntropy"])
close(ns["SymmetricCrossEntropy"](alpha=0.1, beta=1.0, num_classes=K)(x, onehot), 1.1 * F.cross_entropy(x, y))
ok(f, "SymmetricCrossEntropy", "== (alpha + beta) * hard CE (its 'rce' is CE again): no smoothing")

# --- OvoTools: BCE-with-logits against e + (1 - 2e) y, minus the target's entropy (a KL): binary smoothing, alpha = 2e.
f = "ovotools__label_smoothing.py"
ns = extract(f, ["LabelSmoothingBCEWithLogitsLoss"])
z = torch.randn(N, K)
t = torch.randint(0, 2, (N, K)).double()
ts = t * (1 - 2 * EPS) + EPS
ent = -(ts * ts.log() + (1 - ts) * (1 - ts).log())
close(ns["LabelSmoothingBCEWithLogitsLoss"](EPS)(z, t), F.binary_cross_entropy_with_logits(z, ts) - ent.mean())
close(ns["LabelSmoothingBCEWithLogitsLoss"](0)(z, t), F.binary_cross_entropy_with_logits(z, t))
ok(f, "LabelSmoothingBCEWithLogitsLoss", "== BCE-with-logits against t(1-a) + a/2 with a = 2e, minus a constant")

# --- YuYinDemo: a TorchScript export of wenet's LabelSmoothingLoss. Run with stand-ins for TorchScript's helpers.
f = "yuyin_demo__label_smoothing_loss.py"
src = open(os.path.join(CORPUS, f)).read()
tree = ast.parse(src)
cls = tree.body[0]
cls.bases = []
fwd = [n for n in cls.body if isinstance(n, ast.FunctionDef)][0]
fwd.args.args[0].annotation = None
ts_torch = types.SimpleNamespace(
    eq=lambda a, b: a == b if isinstance(a, int) else torch.eq(a, b), size=lambda t, d: t.size(d), view=torch.Tensor.view, zeros_like=lambda t, **k: torch.zeros_like(t),
    div=lambda a, b: a / b, sub=lambda a, b: a - b, fill_=lambda t, v: t.fill_(v), len=len,
    item=lambda t: t.item(), sum=lambda t, dtype=None: t.sum(), masked_fill=torch.masked_fill,
    scatter_=lambda t, d, i, v: t.scatter_(d, i, v), unsqueeze=torch.unsqueeze,
    log_softmax=lambda t, d, dtype=None: torch.log_softmax(t, d))
ns = dict(torch=ts_torch, ops=None, Tensor=torch.Tensor, bool=bool, int=int, float=float)
for stmt in cls.body[:]:
    if isinstance(stmt, ast.AnnAssign):
        cls.body.remove(stmt)
exec(compile(ast.Module(body=[cls], type_ignores=[]), f, "exec"), ns)
B, L, PAD = 2, 4, 0
m = ns["LabelSmoothingLoss"]()
m.size, m.padding_idx, m.smoothing, m.confidence, m.normalize_length = K, PAD, EPS, 1 - EPS, False
m.criterion = nn.KLDivLoss(reduction="none")
x3 = torch.randn(B, L, K)
t3 = torch.randint(1, K, (B, L))
t3[1, 3] = PAD
lp = F.log_softmax(x3.view(-1, K), -1)
oh = F.one_hot(t3.view(-1), K).double()
q = oh * (1 - EPS) + (1 - oh) * EPS / (K - 1)
kl = (q * (q.log() - lp)).sum(-1)
keep = (t3.view(-1) != PAD).double()
close(m.forward(x3, t3), (kl * keep).sum() / B)
ok(f, "LabelSmoothingLoss", "== KL(e/(K-1) target || softmax), pads dropped, / batch")

# --- codebert: CrossEntropyLoss(label_smoothing=args.label_smoothing): uniform. unet: F.cross_entropy(label_smoothing=...).
f = "codebert_calib__model.py"
ns = extract(f, ["Model"], CrossEntropyLoss=nn.CrossEntropyLoss)
enc = lambda ids, attention_mask=None: (x,)
model = ns["Model"](enc, types.SimpleNamespace(label_smoothing=EPS))
close(model(input_ids=torch.zeros(N, 3, dtype=torch.long), labels=y)[0], soft_ce(lsm, uniform).mean())
ok(f, "Model", "== CE against (1-e) onehot + e/K, e from args")
f = "unet_yakhyo__cross_entropy.py"
ns = extract(f, ["CrossEntropyLoss"])
close(ns["CrossEntropyLoss"](label_smoothing=EPS)(x, y), soft_ce(lsm, uniform).mean())
close(ns["CrossEntropyLoss"]()(x, y), F.cross_entropy(x, y))
ok(f, "CrossEntropyLoss", "== uniform e/K smoothing (plain CE at the default 0)")


# --- HF Trainer overrides: a hard CE; self.label_smoother (transformers' LabelSmoother, transcribed); KD soft target.
class FakeTrainer:
    def __init__(self, *a, **k):
        self.args = types.SimpleNamespace(past_index=-1, temperature=2.0, alpha=0.5, n_gpu=1,
                                          gradient_accumulation_steps=1, fp16=False, device="cpu")


def hf_label_smoother(eps, ignore_index=-100):
    """transformers.trainer_pt_utils.LabelSmoother.__call__ (shift_labels=False), transcribed."""
    def call(model_output, labels):
        logits = model_output["logits"] if isinstance(model_output, dict) else model_output[0]
        log_probs = -F.log_softmax(logits, dim=-1)
        if labels.dim() == log_probs.dim() - 1:
            labels = labels.unsqueeze(-1)
        padding_mask = labels.eq(ignore_index)
        labels = torch.clamp(labels, min=0)
        nll_loss = log_probs.gather(dim=-1, index=labels)
        smoothed_loss = log_probs.sum(dim=-1, keepdim=True, dtype=torch.float64)
        nll_loss.masked_fill_(padding_mask, 0.0)
        smoothed_loss.masked_fill_(padding_mask, 0.0)
        num_active = padding_mask.numel() - padding_mask.long().sum()
        nll_loss = nll_loss.sum() / num_active
        smoothed_loss = smoothed_loss.sum() / (num_active * log_probs.shape[-1])
        return (1 - eps) * nll_loss + eps * smoothed_loss
    return call


f = "sc4002__trainer.py"
ns = extract(f, ["CustomTrainer"], Trainer=FakeTrainer, BaseModel=object)
tr = ns["CustomTrainer"]()
close(tr.compute_loss(lambda input_ids, masks: x, dict(input_ids=None, labels=y, masks=None)), F.cross_entropy(x, y))
ok(f, "CustomTrainer", "== hard CE")
f = "sca_train__trainer.py"
ns = extract(f, ["QwenTrainer"], Trainer=FakeTrainer)
tr = ns["QwenTrainer"]()
tr.label_smoother = hf_label_smoother(EPS)
close(tr.compute_loss(lambda **kw: {"logits": x}, dict(labels=y)), soft_ce(lsm, uniform).mean())
ok(f, "QwenTrainer", "== HF LabelSmoother: CE against (1-e) onehot + e/K")
f = "sentiment_kd__update_model_student.py"
ns = extract(f, ["DistillationTrainer"], Trainer=FakeTrainer)
tr = ns["DistillationTrainer"]()
xt = torch.randn(N, K)
tr.teacher_model = lambda **kw: types.SimpleNamespace(logits=xt)
T = 2.0
student = lambda **kw: types.SimpleNamespace(loss=F.cross_entropy(x, y), logits=x)
pt = F.softmax(xt / T, -1)
kd = (pt * (pt.log() - F.log_softmax(x / T, -1))).sum() / N
close(tr.compute_loss(student, {}), 0.5 * F.cross_entropy(x, y) + 0.5 * T * T * kd)
ok(f, "DistillationTrainer", "== a*CE(hard) + (1-a) T^2 KL(teacher softmax(z/T) || student): soft (teacher) targets")

# --- feng-asr: CE against the given target, summed. DL_project_log: the NVIDIA smoothing forward (uniform).
f = "feng_asr__label_smoothing.py"
ns = extract(f, ["label_smoothing_loss"])
qs = torch.softmax(torch.randn(N, K), -1)
close(ns["label_smoothing_loss"](x, qs, 1), soft_ce(lsm, qs).sum())
ok(f, "label_smoothing_loss", "== summed CE against the given soft target")
f = "dl_project_log__smoothing_forward.py"
ns = extract(f, ["forward"])
close(ns["forward"](types.SimpleNamespace(confidence=1 - EPS, smoothing=EPS), x, y), soft_ce(lsm, uniform).mean())
ok(f, "forward", "== (1-e) NLL + e mean(-logp): CE against (1-e) onehot + e/K")
f = "hw3_dl__smoothloss.py"
ns = extract(f, ["LabelSmoothLoss"])
close(ns["LabelSmoothLoss"](EPS)(x, y), soft_ce(lsm, k_minus_1).mean())
ok(f, "LabelSmoothLoss", "== CE against the e/(K-1) target")

# --- MT5ForEverything: the trainer imports label_smoothed_nll_loss from its sibling utils.py (fairseq's, e/K).
f = "mt5_everything/utils.py"
ns = extract(f, ["label_smoothed_nll_loss"])
B, L, PAD = 2, 5, 0
x3 = torch.randn(B, L, K)
t3 = torch.randint(1, K, (B, L))
t3[0, 4] = PAD
t3[1, 3:] = PAD
lp3 = F.log_softmax(x3, -1)
q3 = F.one_hot(t3, K).double() * (1 - EPS) + EPS / K
keep = (t3 != PAD).double()
npad = (t3 == PAD).sum()
loss, nll = ns["label_smoothed_nll_loss"](lp3, t3, EPS, ignore_index=PAD)
close(loss, (soft_ce(lp3, q3) * keep).sum() / npad)
ok(f, "label_smoothed_nll_loss", "== CE against (1-e) onehot + e/K over non-pad tokens (divided by the pad count, a bug)")
f = "mt5_everything/trainer.py"
ns = extract(f, ["Trainer"], HFTrainer=FakeTrainer, label_smoothed_nll_loss=ns["label_smoothed_nll_loss"],
             Dict=__import__("typing").Dict, Union=__import__("typing").Union, Any=__import__("typing").Any)
tr = ns["Trainer"](label_smoothing=EPS)


class FakeModel(nn.Module):
    config = types.SimpleNamespace(pad_token_id=PAD)

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(x3.clone())

    def forward(self, **kw):
        return (self.w,)


labels = t3.clone()
labels[t3 == PAD] = -100
got = tr._training_step(FakeModel(), dict(labels=labels), None)
close(got, (soft_ce(lp3, q3) * keep).sum() / npad)
ok(f, "Trainer", "_training_step with label_smoothing > 0: the sibling's e/K loss on pad-masked labels")
