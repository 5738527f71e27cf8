#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b16a's negative files: no label smoothing in any of them.

Run with Debian's interpreter:  /usr/bin/python3 verify_b16a.py
Prints "ok <file> <symbol> <what it computes>".
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
        exec(compile(ast.Module(body=[node], type_ignores=[]), fname, "exec"), ns)
    return ns


def close(a, b, tol=1e-9):
    a, b = torch.as_tensor(a).double(), torch.as_tensor(b).double()
    assert torch.allclose(a, b, atol=tol, rtol=tol), (a, b)


def ok(fname, symbol, note):
    print("ok", fname, symbol, note)


N, K = 8, 5
p, q = torch.randn(N, K), torch.randn(N, K)

f = "deep_training__loss_kl.py"
ns = extract(f, ["compute_kl_loss"])
kl_pq = (F.softmax(q, -1) * (F.log_softmax(q, -1) - F.log_softmax(p, -1))).sum()
kl_qp = (F.softmax(p, -1) * (F.log_softmax(p, -1) - F.log_softmax(q, -1))).sum()
close(ns["compute_kl_loss"](p, q), (kl_pq + kl_qp) / 2)
ok(f, "compute_kl_loss", "== symmetric KL between two predictions (R-Drop consistency), no labels")

f = "deep_training__contrast.py"
ns = extract(f, ["SimcseLoss"])
z = torch.randn(N, 4)
pair = torch.arange(N).view(-1, 2).flip(1).reshape(-1)  # 1, 0, 3, 2, ...
sim = F.cosine_similarity(z[:, None], z[None], dim=-1) - torch.eye(N) * 1e12
close(ns["SimcseLoss"](scale=20)(z), F.cross_entropy(sim * 20, pair, reduction="sum"))
ok(f, "SimcseLoss", "== summed CE of scaled cosine similarities against each row's pair index (hard)")

f = "textbrewer__losses.py"
ns = extract(f, ["kd_ce_loss"])
T = 2.0
close(ns["kd_ce_loss"](p, q, temperature=T), -(F.softmax(q / T, -1) * F.log_softmax(p / T, -1)).sum(-1).mean())
ok(f, "kd_ce_loss", "== CE against the teacher's softmax(logits_T / T): distillation")

f = "pag_tacotron2__loss_function.py"
ns = extract(f, ["Tacotron2Loss"])
hp = types.SimpleNamespace(gate_positive_weight=5.0, alignment_loss_weight=0.5, alignment_encoderwise_mean=True)
mel_t, mel, post = torch.randn(2, 3, 4), torch.randn(2, 3, 4), torch.randn(2, 3, 4)
gate_t, gate = torch.randint(0, 2, (2, 4)).double(), torch.randn(2, 4)
al_t, al = torch.rand(2, 4, 3), torch.rand(2, 3, 4)
loss, _ = ns["Tacotron2Loss"](hp)((mel, post, gate, al), (mel_t, gate_t, al_t))
want = F.mse_loss(mel, mel_t) + F.mse_loss(post, mel_t) + F.binary_cross_entropy_with_logits(
    gate.view(-1, 1), gate_t.view(-1, 1), pos_weight=torch.tensor(5.0)) + 0.5 * F.mse_loss(al.transpose(1, 2), al_t)
close(loss, want)
ok(f, "Tacotron2Loss", "== MSE(mel) + BCE-with-logits(pos_weight) on the hard 0/1 gate targets + MSE(alignment)")
