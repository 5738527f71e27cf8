#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b18a's positive files (NLP, speech and LLM losses, 2023-2026).

Run with Debian's interpreter:  /usr/bin/python3 verify_b18a.py
Classes / functions are cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F
(plus small stand-ins for the project imports they need). Each check compares the loss with cross-entropy
against the target its label names. Prints "ok <file> <symbol>"; files that need CUDA / Triton / fairseq say so.
"""
import ast
import os
import types
from typing import Callable, Dict, List, Literal, Optional, Tuple, Union

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Callable=Callable, Dict=Dict, List=List, Literal=Literal,
              Optional=Optional, Tuple=Tuple, Union=Union, Tensor=torch.Tensor)
    ns.update(extra)
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


def skipped(fname, symbol, why):
    print("skipped", fname, symbol, why)


F32 = 1e-6  # the code casts to float32 (dtype=torch.float32 / .float()) on purpose


def soft_ce(logits_or_lp, q, already_log=False):
    lp = logits_or_lp if already_log else F.log_softmax(logits_or_lp, -1)
    return -(q * lp).sum(-1)


class Dummy:  # stands in for DTensor / SFTLoss in isinstance checks and base lists
    pass


N, K, EPS, PAD = 9, 7, 0.2, 0
x = torch.randn(N, K)
y = torch.randint(1, K, (N,))
y[2] = PAD
y[5] = PAD
onehot = F.one_hot(y, K).double()
uniform = onehot * (1 - EPS) + EPS / K
k_minus_1 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)
k_minus_2 = onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 2)
k_minus_2[:, PAD] = 0
keep = (y != PAD).double()
lp = F.log_softmax(x, -1)

# --- OpenRLHF: LM CE (shifted, ignore -100), cDPO (binary smoothing of the preference), KD, PRM.
f = "openrlhf__loss.py"
ns = extract(f, ["GPTLMLoss", "DPOLoss", "KDLoss", "PRMLoss"])
B, T = 2, 5
logits3 = torch.randn(B, T, K)
labels3 = torch.randint(0, K, (B, T))
labels3[0, 1] = -100
want = F.cross_entropy(logits3[:, :-1].reshape(-1, K), labels3[:, 1:].reshape(-1), ignore_index=-100)
close(ns["GPTLMLoss"]()(logits3, labels3), want)
ok(f, "GPTLMLoss", "== F.cross_entropy of shifted logits/labels, ignore_index=-100 (hard)")
pc, pr, rc, rr = torch.randn(4, N)
beta = 0.3
loss, _, _ = ns["DPOLoss"](beta, label_smoothing=EPS)(pc, pr, rc, rr)
z = beta * ((pc - pr) - (rc - rr))
close(loss, F.binary_cross_entropy_with_logits(z, torch.full_like(z, 1 - EPS)))
ok(f, "DPOLoss", "== BCE-with-logits(beta*h, target 1-e): the preference label 1 smoothed to 1-e (binary, alpha = 2e)")
teacher = torch.randn(B, T, K)
lab = torch.randint(0, K, (B, T))
lab[1, 2] = -100
kd = ns["KDLoss"]()(logits3, teacher, lab)
m = (lab != -100).double().view(-1)
close(kd, (soft_ce(logits3, F.softmax(teacher, -1)).view(-1) * m).sum() / m.sum(), F32)
ok(f, "KDLoss", "== masked mean CE against softmax(teacher) (soft targets, distillation)")
inputs = torch.tensor([[5, 1, 5, 2]])
lg = torch.randn(1, 4, K)
lb = torch.randint(0, K, (1, 4))
prm = ns["PRMLoss"](placeholder_token_id=5)(inputs, lg, lb)
close(prm, F.cross_entropy(lg[inputs == 5], lb[inputs == 5]))
ok(f, "PRMLoss", "== CE at the placeholder positions against the hard labels (default path)")

# --- espresso v2: 'uniform' type is eps/(K-1) off the label, 1-eps on it (K-1 convention).
f = "espresso__label_smoothed_cross_entropy_v2.py"
ns = extract(f, ["label_smoothed_nll_loss"])
loss, nll = ns["label_smoothed_nll_loss"](lp, y, EPS, ignore_index=PAD)
close(loss, (soft_ce(lp, k_minus_1, True) * keep).sum())
ok(f, "label_smoothed_nll_loss", "== summed CE against (1-e) at y, e/(K-1) elsewhere, pads dropped (K-1)")
skipped(f, "LabelSmoothedCrossEntropyV2Criterion", "needs fairseq; calls the function above with smoothing_type 'uniform' by default")

# --- espresso (older, with WER): 'uniform' type is fairseq's eps/K (uniform convention).
f = "espresso__label_smoothed_cross_entropy_with_wer.py"
ns = extract(f, ["label_smoothed_nll_loss"])
loss, nll = ns["label_smoothed_nll_loss"](lp, y, EPS, ignore_index=PAD)
close(loss, (soft_ce(lp, uniform, True) * keep).sum())
ok(f, "label_smoothed_nll_loss", "== summed CE against (1-e) onehot + e/K, pads dropped (uniform)")
skipped(f, "LabelSmoothedCrossEntropyWithWERCriterion", "needs fairseq; calls the function above, --smoothing-type uniform by default")

# --- fairseq2: nll_loss (K-1 convention, 'parity with the original fairseq' is not torch's) and cross_entropy.
f = "fairseq2_functional/_nll_loss.py"
ns2 = extract(f, ["nll_loss"])
close(ns2["nll_loss"](lp, y, PAD, label_smoothing=EPS), (soft_ce(lp, k_minus_1, True) * keep).sum())
ok(f, "nll_loss", "== summed CE against the K-1 target, pads dropped")
f = "fairseq2_functional/_cross_entropy.py"
ns = extract(f, ["cross_entropy"], log_softmax=F.log_softmax, torch_nll_loss=F.nll_loss, nll_loss=ns2["nll_loss"])
close(ns["cross_entropy"](x, y, PAD, label_smoothing=EPS), (soft_ce(lp, k_minus_1, True) * keep).sum(), F32)
close(ns["cross_entropy"](x, y, PAD), F.cross_entropy(x, y, ignore_index=PAD, reduction="sum"), F32)
ok(f, "cross_entropy", "== nll_loss above (K-1) when smoothing, plain summed CE at 0")

# --- torchtune: forward KL distillation (soft targets) and chunked CE (hard).
f = "torchtune__kd_losses.py"
chunker = types.SimpleNamespace(chunk=lambda t, n, dim: list(t.tensor_split(n, dim=dim)))
ns = extract(f, ["ForwardKLLoss", "ForwardKLWithChunkedOutputLoss"], tensor_utils=chunker)
s2, t2 = torch.randn(N, K), torch.randn(N, K)
l2 = torch.randint(0, K, (N,))
l2[3] = -100
m2 = (l2 != -100).double()
close(ns["ForwardKLLoss"]()(s2, t2, l2), (soft_ce(s2, F.softmax(t2, -1)) * m2).sum() / m2.sum(), F32)
ok(f, "ForwardKLLoss", "== masked mean CE against softmax(teacher) (soft targets)")
B, T = 2, 4
s3, t3 = torch.randn(B, T, K), torch.randn(B, T, K)
l3 = torch.randint(0, K, (B, T))
l3[0, 3] = -100
chunks = lambda a: list(a.tensor_split(2, dim=1))
got = ns["ForwardKLWithChunkedOutputLoss"](num_output_chunks=2)(chunks(s3), chunks(t3), l3)
m3 = (l3 != -100).double()
close(got, (soft_ce(s3, F.softmax(t3, -1)) * m3).sum() / m3.sum(), F32)
ok(f, "ForwardKLWithChunkedOutputLoss", "== the same over chunks")
f = "torchtune__ce_chunked_output_loss.py"
ns = extract(f, ["CEWithChunkedOutputLoss"], SFTLoss=Dummy, DTensor=Dummy)
got = ns["CEWithChunkedOutputLoss"](num_output_chunks=2)(chunks(s3), l3)
close(got, F.cross_entropy(s3.reshape(-1, K), l3.reshape(-1), ignore_index=-100), F32)
ok(f, "CEWithChunkedOutputLoss", "== F.cross_entropy(ignore_index=-100), mean over kept tokens (hard)")
f = "torchtune__cross_entropy_loss.py"
ns = extract(f, ["LinearCrossEntropyLoss"], SFTLoss=Dummy, DTensor=Dummy, log=types.SimpleNamespace(warning=print))
proj = nn.Linear(3, K)
h = torch.randn(B, T, 3)
loss_fn = ns["LinearCrossEntropyLoss"](num_output_chunks=2)
loss_fn.set_model_output(types.SimpleNamespace(output=proj, skip_output_layer=False))
close(loss_fn(h, l3), F.cross_entropy(proj(h).reshape(-1, K), l3.reshape(-1), ignore_index=-100), F32)
ok(f, "LinearCrossEntropyLoss", "== F.cross_entropy of the projected hidden states (hard)")
skipped(f, "LigerFusedCrossEntropyLoss", "needs liger_kernel; passes label_smoothing 0.0 positionally (hard)")

# --- OLMo-core: CE (+ separate z-loss), and the module that dispatches to it.
f = "olmo_core__functional_cross_entropy_loss.py"
ns = extract(f, ["cross_entropy_loss"])
ce, zl = ns["cross_entropy_loss"](x, y, ignore_index=PAD, compute_z_loss=True, z_loss_multiplier=1e-3)
close(ce, F.cross_entropy(x, y, ignore_index=PAD), F32)
close(zl, 1e-3 * (x.logsumexp(-1) ** 2 * keep).sum() / keep.sum(), F32)
ok(f, "cross_entropy_loss", "== F.cross_entropy (hard); the z-loss is a separate logsumexp^2 term")
skipped(f, "fused_cross_entropy_loss", "needs flash_attn's Triton kernel; passes label_smoothing=0.0 (hard)")
f = "olmo_core__nn_cross_entropy_loss.py"
ns = extract(f, ["_InnerCELoss", "CrossEntropyLoss"],
             get_local_tensor=lambda t: t, cross_entropy_loss=ns["cross_entropy_loss"], fused_cross_entropy_loss=None,
             log=types.SimpleNamespace(warning=print, info=print), DeviceMesh=Dummy, Placement=Dummy)
ce, zl = ns["CrossEntropyLoss"](ignore_index=-100)(s3, l3)
close(ce, F.cross_entropy(s3.reshape(-1, K), l3.reshape(-1), ignore_index=-100), F32)
ok(f, "CrossEntropyLoss", "== F.cross_entropy over (B*S, V), ignore_index=-100 (hard)")

# --- flash-attention: CUDA-only; the Triton kernel's formula, transcribed, is CE against (1-e) onehot + e/K.
f = "flash_attn__cross_entropy.py"
lse = x.logsumexp(-1)
kernel = lse - EPS * x.sum(-1) / K - (1 - EPS) * x.gather(1, y[:, None]).squeeze(1)
close(kernel, soft_ce(x, uniform))
skipped(f, "CrossEntropyLoss", "CUDA/Triton only; kernel formula lse - e*sum(z)/K - (1-e)*z_y checked == CE vs uniform target")

# --- Firefly: shifted LM CE on the target span only.
f = "firefly__loss.py"
ns = extract(f, ["Loss", "TargetLMLoss"])
ids = torch.randint(0, K, (B, T))
tmask = torch.tensor([[0, 1, 1, 1], [0, 0, 1, 1]])
model = lambda input_ids, attention_mask, return_dict: {"logits": s3}
got = ns["TargetLMLoss"](ignore_index=-100)(model, {"input_ids": ids, "attention_mask": tmask, "target_mask": tmask}, None)
want_labels = torch.where(tmask == 1, ids, -100)
close(got, F.cross_entropy(s3[:, :-1].reshape(-1, K), want_labels[:, 1:].reshape(-1), ignore_index=-100))
ok(f, "TargetLMLoss", "== F.cross_entropy(shifted, ignore_index) (hard)")

# --- bearhsiang: e/(K-1) off the label, ignored rows zeroed, mean over all rows.
f = "ml_workspace__LabelSmoothingLoss.py"
ns = extract(f, ["LabelSmoothingLoss"])
yi = y.clone()
yi[2] = -100
got = ns["LabelSmoothingLoss"](K, smoothing=EPS)(x, torch.where(yi == -100, torch.zeros_like(yi), yi))
close(got, soft_ce(x, onehot * (1 - EPS) + (1 - onehot) * EPS / (K - 1)).mean())
ok(f, "LabelSmoothingLoss", "== CE against the K-1 target (rows with ignore_index zeroed)")

# --- text2text: KLDiv(sum) against e/(K-2), pad column and pad rows zeroed (k_minus_2_padding).
f = "text2text__label_smooth_loss.py"
ns = extract(f, ["LabelSmoothingLoss"])
try:
    got = ns["LabelSmoothingLoss"](K, EPS)(lp, y)
    q = k_minus_2 * keep[:, None]
    close(got, F.kl_div(lp, q, reduction="sum"))
    ok(f, "LabelSmoothingLoss", "== KL(sum) against e/(K-2) off the label, pad column/rows zeroed")
except (RuntimeError, IndexError) as e:  # index_fill_ with a bool mask: the code only runs in the torch it was written for
    yn = torch.randint(1, K, (N,))
    q = F.one_hot(yn, K) * (1 - EPS) + (1 - F.one_hot(yn, K)) * EPS / (K - 2)
    q[:, PAD] = 0
    t = lp.clone().fill_(EPS / (K - 2)).scatter_(1, yn[:, None], 1 - EPS)
    t[:, PAD] = 0
    close(t, q)
    skipped(f, "LabelSmoothingLoss", f"index_fill_ with a bool mask fails in torch 1.13 ({str(e)[:40]}...); target builder checked == k_minus_2 with pad column zeroed")

# --- open-retrievals ArcFace: with ls_eps > 0 the one-hot handed to the criterion is (1-e) onehot + e/K.
f = "open_retrievals__arcface.py"
ns = extract(f, ["ArcFaceAdaptiveMarginLoss"], np=__import__("numpy"), math=__import__("math"))
seen = {}
def record(output, target, weight):
    seen["t"] = target
    return soft_ce(output, target).mean()
m = ns["ArcFaceAdaptiveMarginLoss"](4, K, criterion=record, ls_eps=EPS).double()
out = m(torch.randn(N, 4), y)
close(seen["t"], uniform)
ok(f, "ArcFaceAdaptiveMarginLoss", "criterion target == (1-e) onehot + e/K (uniform; off at the default ls_eps=0)")
