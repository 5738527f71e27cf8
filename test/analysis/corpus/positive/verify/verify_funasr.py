#!/usr/bin/python3
"""FunASR's LabelSmoothingLoss (positive tune): KL to (1 − ε) on the label and ε/(K − 1) elsewhere, padding rows
zeroed, summed over the kept rows and divided by the batch size: the K−1 convention, i.e. per row
CE(label_smoothing = ε·K/(K − 1)) minus the target's entropy. Run: /usr/bin/python3 verify_funasr.py
"""
import ast
import os
import textwrap

import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
text = open(os.path.join(os.path.dirname(HERE), 'funasr__label_smoothing_loss.py'), encoding='utf-8').read()
lines = text.splitlines(keepends=True)
ns = dict(torch=torch, nn=nn)
for node in ast.parse(text).body:
    if isinstance(node, ast.ClassDef) and node.name == 'LabelSmoothingLoss':
        exec(textwrap.dedent(''.join(lines[node.lineno - 1:node.end_lineno])), ns)

torch.manual_seed(0)
B, T, K, EPS, PAD = 3, 4, 6, 0.2, -1
x = torch.randn(B, T, K, dtype=torch.float64)
y = torch.randint(0, K, (B, T))
y[0, -1] = y[2, 1] = PAD
loss = ns['LabelSmoothingLoss'](K, PAD, EPS)(x, y)
keep = y.view(-1) != PAD
q = torch.full((keep.sum(), K), EPS / (K - 1), dtype=torch.float64)
q.scatter_(1, y.view(-1)[keep].unsqueeze(1), 1 - EPS)
ce = F.cross_entropy(x.view(-1, K)[keep], y.view(-1)[keep], label_smoothing=EPS * K / (K - 1), reduction='sum')
expected = (ce + torch.xlogy(q, q).sum()) / B
ok = abs(float(loss) - float(expected)) <= 1e-9 * max(1.0, abs(float(expected)))
print(('ok  ' if ok else 'FAIL'), 'FunASR LabelSmoothingLoss = K−1 smoothing (KL, padding rows dropped, / batch)')
assert ok
