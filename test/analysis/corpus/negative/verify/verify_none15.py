#!/usr/bin/env python3
"""Numerical checks (float64) of the hard-label files added for wrappers, distributed CE and margin heads.

Run with Debian's interpreter:  /usr/bin/python3 verify_none15.py
Code under test is cut out of the corpus files with `ast` and run in a namespace holding torch / nn / F, with
single-process stubs for torch.distributed and the files' own imports. Prints "ok <file> <symbol>"; any failure raises.
"""
import ast
import math
import os
import types
import typing

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, extra=None):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, math=math, Optional=typing.Optional, Tensor=torch.Tensor)
    ns.update(extra or {})
    wanted = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names]
    assert {n.name for n in wanted} == set(names), (fname, names)
    for node in wanted:
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


N, K = 6, 5
logits = torch.randn(N, K)
y = torch.randint(0, K, (N,))
onehot = F.one_hot(y, K).double()

# fairscale: one model-parallel rank, so every all_reduce is the identity.
torch.distributed.all_reduce = lambda *a, **k: None
vocab = types.SimpleNamespace(vocab_range_from_per_partition_vocab_size=lambda n, rank, world: (0, n))
ns = extract(
    "fairscale__cross_entropy.py",
    ["_VocabParallelCrossEntropy", "vocab_parallel_cross_entropy"],
    dict(get_model_parallel_group=lambda: None, get_model_parallel_rank=lambda: 0,
         get_model_parallel_world_size=lambda: 1, VocabUtility=vocab),
)
got = ns["vocab_parallel_cross_entropy"](logits.clone(), y)
close(got, F.cross_entropy(logits, y, reduction="none"))
ok("fairscale__cross_entropy.py", "vocab_parallel_cross_entropy", "== F.cross_entropy(reduction='none')")

# transformers: fixed_cross_entropy and ForCausalLMLoss.
ns = extract("transformers__loss_utils.py", ["fixed_cross_entropy", "ForCausalLMLoss"])
t = y.clone()
t[0] = -100
close(ns["fixed_cross_entropy"](logits, t), F.cross_entropy(logits, t))
close(ns["fixed_cross_entropy"](logits, t, torch.tensor(4.0)), F.cross_entropy(logits, t, reduction="sum") / 4)
seq = torch.randn(2, 4, K)
labels = torch.randint(0, K, (2, 4))
want = F.cross_entropy(seq[:, :-1].reshape(-1, K), labels[:, 1:].reshape(-1))
close(ns["ForCausalLMLoss"](seq, labels, K), want, tol=1e-6)  # it upcasts with .float()
ok("transformers__loss_utils.py", "fixed_cross_entropy / ForCausalLMLoss", "== F.cross_entropy(ignore_index=-100)")

# AM-softmax: CE of the margin logits.
ns = extract("am_softmax__AmSoftmax.py", ["AdMSoftmaxLoss"])
loss = ns["AdMSoftmaxLoss"](3, K, s=30.0, m=0.4, eps=0.0)
x = torch.randn(N, 3)
w = F.normalize(loss.fc.weight, p=2, dim=1)
cos = F.normalize(x, dim=1) @ w.t()
margin = 30.0 * (cos - 0.4 * onehot)
close(loss(x, y), F.cross_entropy(margin, y), tol=1e-7)
ok("am_softmax__AmSoftmax.py", "AdMSoftmaxLoss", "== F.cross_entropy(s·(cos − m·onehot), y)")

# SpkReg CosFace: CE of the CosFace logits.
ns = extract("spkreg__angular_loss.py", ["Loss", "CosFaceLoss"])
cos = torch.rand(N, K) * 2 - 1
close(ns["CosFaceLoss"](scale=30.0, margin=0.2)(cos, y), F.cross_entropy(30.0 * (cos - 0.2 * onehot), y))
ok("spkreg__angular_loss.py", "CosFaceLoss", "== F.cross_entropy(s·(cos − m·onehot), y)")

# RuSigLIP: BCE-with-logits (sum) against the identity.
torch.get_device = lambda t: "cpu"
ns = extract("rusiglip__loss.py", ["SigmoidLoss"], dict(logsigmoid=F.logsigmoid))
img, txt = torch.randn(N, 3), torch.randn(N, 3)
got = ns["SigmoidLoss"](temperature=2.0, bias=-1.0)(img, txt)
want = F.binary_cross_entropy_with_logits(img @ txt.T * 2.0 - 1.0, torch.eye(N), reduction="sum")
close(got, want)
ok("rusiglip__loss.py", "SigmoidLoss", "== BCE-with-logits(sum) against eye(n)")

# torchvision: γ = 0 and α < 0 is BCE-with-logits.
ns = extract("torchvision__focal_loss.py", ["sigmoid_focal_loss"])
close(ns["sigmoid_focal_loss"](logits, onehot, alpha=-1, gamma=0), F.binary_cross_entropy_with_logits(logits, onehot, reduction="none"))
ok("torchvision__focal_loss.py", "sigmoid_focal_loss", "gamma=0, alpha=-1 == BCE-with-logits vs the given 0/1 targets")
