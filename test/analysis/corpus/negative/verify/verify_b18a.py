#!/usr/bin/env python3
"""Numerical checks (float64) of blind round b18a's negative files: LLM alignment / retrieval / MoE losses with no
smoothed labels (DPO / KTO / ORPO / PPO, InfoNCE / SimCSE, listwise KL, MoE load balancing and router z-loss).

Run with Debian's interpreter:  /usr/bin/python3 verify_b18a.py
Each check shows the code's target is the hard label (or a given distribution) and no smoothed one.
"""
import ast
import os
from typing import Callable, Dict, Optional, Tuple, Union

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def extract(fname, names, **extra):
    tree = ast.parse(open(os.path.join(CORPUS, fname)).read())
    ns = dict(torch=torch, nn=nn, F=F, Callable=Callable, Dict=Dict, Optional=Optional, Tuple=Tuple, Union=Union)
    ns.update(extra)
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
x = torch.randn(N, K)
y = torch.randint(0, K, (N,))

# --- ColossalChat: LM CE (hard), DPO / SimPO (-logsigmoid of a margin, no smoothed preference), ORPO odds ratio.
f = "colossalchat__loss.py"
ns = extract(f, ["GPTLMLoss", "DpoLoss", "LogSigLoss"])
B, T = 2, 4
lg = torch.randn(B, T, K)
lb = torch.randint(0, K, (B, T))
lb[1, 2] = -100
close(ns["GPTLMLoss"]()(lg, lb), F.cross_entropy(lg[:, :-1].reshape(-1, K), lb[:, 1:].reshape(-1)))
ok(f, "GPTLMLoss", "== F.cross_entropy of shifted logits / labels (hard, ignore -100)")
ac, ar, rc, rr = torch.randn(4, N, 3)  # per-token log-probs (batch, length)
cm, rm = (torch.rand(2, N, 3) > 0.3).double()
losses, _, _ = ns["DpoLoss"](beta=0.2, gamma=0.0)(ac, ar, rc, rr, cm, rm)
z = 0.2 * (((ac * cm).sum(-1) - (ar * rm).sum(-1)) - ((rc * cm).sum(-1) - (rr * rm).sum(-1)))
close(losses, F.binary_cross_entropy_with_logits(z, torch.ones(N), reduction="none"))
ok(f, "DpoLoss", "== BCE-with-logits against the hard preference 1 (no label_smoothing term)")
cr, rj = torch.randn(2, N)
close(ns["LogSigLoss"]()(cr, rj), F.binary_cross_entropy_with_logits(cr - rj, torch.ones(N)))
ok(f, "LogSigLoss", "== BCE-with-logits(chosen - rejected, 1) (hard)")

# --- open-retrievals: InfoNCE / SimCSE (in-batch CE against arange / zeros), PairKL (soft targets given),
#     TokenLoss (CE against index 0), BCELoss (BCE against the given labels).
f = "open_retrievals__infonce.py"
ns = extract(f, ["InfoNCE"])
q, p = torch.randn(N, 3), torch.randn(N, 3)
qn, pn = F.normalize(q, dim=-1), F.normalize(p, dim=-1)
lo = 2.0 * qn @ pn.T
want = (F.cross_entropy(lo, torch.arange(N)) + F.cross_entropy(lo.T, torch.arange(N))) / 2
close(ns["InfoNCE"](criterion=nn.CrossEntropyLoss(), scale=2.0)(q, p), want)
ok(f, "InfoNCE", "== symmetric CE of scaled cosine logits against arange (hard, injected criterion)")
f = "open_retrievals__simcse.py"
ns = extract(f, ["SimCSE"])
sim = F.cosine_similarity(q.unsqueeze(1), p.unsqueeze(0), dim=2) / 0.05
close(ns["SimCSE"](nn.CrossEntropyLoss(), temperature=0.05)(q, p), F.cross_entropy(sim, torch.arange(N)))
ok(f, "SimCSE", "== CE of cosine / temperature against arange (hard)")
f = "open_retrievals__pair_kl.py"
ns = extract(f, ["PairKL"])
scores = torch.randn(N)
sims = (q * p).sum(-1)
want = F.kl_div(F.log_softmax(sims / 0.05, -1), F.softmax(scores / 0.05, -1), reduction="batchmean")
close(ns["PairKL"]()(q, p, scores), want)
ok(f, "PairKL", "== KL against softmax(scores / T): a given (teacher) distribution, not a smoothed label")
f = "open_retrievals__token_loss.py"
ns = extract(f, ["TokenLoss"])
lg = torch.randn(2, 4, 10)
labels = torch.tensor([[0, 0, 3, 0], [0, 5, 0, 0]])
tl = ns["TokenLoss"](check_loc=[2, 7])(lg, labels)
pos = labels.argmax(1) - 1
scores = torch.stack([lg[i, pos[i], [2, 7]] for i in range(2)])
close(tl, F.cross_entropy(scores, torch.zeros(2, dtype=torch.long)))
ok(f, "TokenLoss", "== CE of the two check-token logits against index 0 (hard; criterion label_smoothing=0.0)")
f = "open_retrievals__bce.py"
ns = extract(f, ["BCELoss"])
pr = torch.rand(N, K) * 0.98 + 0.01
t = torch.randint(0, 2, (N, K)).double()
mask = torch.ones(N, K)
close(ns["BCELoss"](temperature=1.0)(pr, t, mask), F.binary_cross_entropy(pr, t, reduction="none").mean(1).mean())
ok(f, "BCELoss", "== BCE against the given 0/1 labels (no smoothing)")

# --- OLMo-core MoE: Switch load balancing (dot of token counts and mean router scores) and router z-loss.
f = "olmo_core__moe_loss.py"
src = open(os.path.join(CORPUS, f)).read()
assert "one_hot" not in src and "smooth" not in src
E = 4
logits = torch.randn(N, E)
import abc
import torch.distributed as dist
ns = extract(f, ["MoELoss", "MoERouterZLoss"], ABCMeta=abc.ABCMeta, abstractmethod=abc.abstractmethod, dist=dist)
zloss = ns["MoERouterZLoss"](loss_weight=0.01, num_experts=E)
zloss.update(expert_logits=logits)
close(zloss.compute(N)["router Z loss"], (logits.logsumexp(-1) ** 2).mean() * 0.01)
ok(f, "MoERouterZLoss", "router z-loss: weight * mean logsumexp(logits)^2 (no target at all)")
