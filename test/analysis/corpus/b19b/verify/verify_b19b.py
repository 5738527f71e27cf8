#!/usr/bin/python3
"""Numerical checks for the b19b labels (../labels.json), written before the analysis was run on these files.

Run with Debian's torch:  /usr/bin/python3 verify_b19b.py
Each check takes the named top-level classes/functions (or one method, run as a plain function with a stub `self`)
out of the corpus file by name (ast), execs them with small stubs for project-internal names, feeds random float64
inputs and compares the code's loss with the reference of its labelled convention:
  none      -> plain CE / NLL / BCE / focal / poly on the hard labels (class weights, ignore_index as the code passes)
  uniform   -> F.cross_entropy(label_smoothing=eps), or BCE against (1-eps)*onehot + eps/K for the BCE form
  k_minus_1 -> -sum(t * log_softmax) with t = (1-eps)*onehot + eps/(K-1) off the label
Prints PASS/FAIL per check and writes results.json next to this file.
"""
import ast
import json
import os
import textwrap
import traceback
import types
import typing

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
DT = torch.float64
torch.manual_seed(0)
torch.set_default_dtype(DT)
RESULTS = {}


class Registry:
    """Stands in for mmseg's LOSSES / MODELS and openpoints' registry: register_module() is a no-op decorator."""

    def register_module(self, *args, **kwargs):
        return (lambda cls: cls) if 'module' not in kwargs else None


def weight_reduce_loss(loss, weight=None, reduction='mean', avg_factor=None):
    """mmseg.models.losses.utils.weight_reduce_loss (element weights, then mean / sum / avg_factor)."""
    if weight is not None:
        loss = loss * weight
    if avg_factor is None:
        return {'mean': loss.mean, 'sum': loss.sum}.get(reduction, lambda: loss)()
    return loss.sum() / avg_factor if reduction == 'mean' else loss


def namespace(**extra):
    ns = dict(torch=torch, nn=nn, F=F, Tensor=torch.Tensor, Optional=typing.Optional, List=typing.List,
              Union=typing.Union, Tuple=typing.Tuple, LOSSES=Registry(), MODELS=Registry(), LOSS=Registry(),
              weight_reduce_loss=weight_reduce_loss, get_class_weight=lambda w: w)
    ns.update(extra)
    return ns


def _source(fname):
    text = open(os.path.join(CORPUS, fname), encoding='utf-8').read()
    return text.splitlines(keepends=True), ast.parse(text)


def load(fname, *names, ns=None):
    """exec the named top-level defs/classes of a corpus file into ns (a fresh namespace by default)."""
    lines, tree = _source(fname)
    ns = namespace() if ns is None else ns
    found = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    for name in names:
        node = found[name]
        start = min([node.lineno] + [d.lineno for d in node.decorator_list])
        exec(compile(textwrap.dedent(''.join(lines[start - 1:node.end_lineno])), f'{fname}:{name}', 'exec'), ns)
    return ns


def load_method(fname, cls, method, ns):
    lines, tree = _source(fname)
    klass = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    node = next(n for n in klass.body if isinstance(n, ast.FunctionDef) and n.name == method)
    exec(compile(textwrap.dedent(''.join(lines[node.lineno - 1:node.end_lineno])), f'{fname}:{cls}.{method}', 'exec'),
         ns)
    return ns[method]


def check(fname, symbol, fn):
    key = f'{fname}::{symbol}'
    try:
        ok, detail = fn()
    except Exception as e:  # noqa: BLE001 - a crash is a failed check, reported as such
        ok, detail = False, 'error: ' + ''.join(traceback.format_exception_only(type(e), e)).strip()
    RESULTS[key] = {'pass': bool(ok), 'detail': detail}
    print(('PASS ' if ok else 'FAIL ') + key + '  -- ' + str(detail))


def all_close(*pairs, tol=1e-9):
    diffs = [(torch.as_tensor(a, dtype=DT) - torch.as_tensor(b, dtype=DT)).abs().max().item() for a, b in pairs]
    return all(d <= tol for d in diffs), 'max|diff|=' + ', '.join(f'{d:.3g}' for d in diffs)


def logits(*shape):
    return torch.randn(*shape) * 2


def labels(k, *shape):
    return torch.randint(0, k, shape)


def onehot(t, k):
    return F.one_hot(t, k).to(DT)


def focal_ref(x, t, gamma, alpha_t=None):
    logpt = F.log_softmax(x, -1).gather(1, t[:, None]).squeeze(1)
    w = logpt if alpha_t is None else logpt * alpha_t
    return -((1 - logpt.exp()) ** gamma) * w


# --------------------------------------------------------------------------------------------------- mmsegmentation
MMSEG = 'mmsegmentation__cross_entropy_loss.py'


def mmseg_ce():
    ns = load(MMSEG, 'cross_entropy', 'CrossEntropyLoss')
    x, t, w = logits(5, 4, 3, 3), labels(4, 5, 3, 3), torch.rand(4) + 0.5
    t[0, 0, 0] = 255
    got = ns['cross_entropy'](x, t, class_weight=w, ignore_index=255)
    ref = F.cross_entropy(x, t, weight=w, ignore_index=255, reduction='none').mean()
    cls_got = ns['CrossEntropyLoss'](loss_weight=2.0)(x, t, ignore_index=255)
    return all_close((got, ref), (cls_got, 2 * F.cross_entropy(x, t, ignore_index=255, reduction='none').mean()))


def mmseg_bce():
    ns = load(MMSEG, '_expand_onehot_labels', 'binary_cross_entropy')
    x, t = logits(6, 4), labels(4, 6)
    got = ns['binary_cross_entropy'](x, t)
    # the code casts the 0/1 targets with label.float(): float32 targets, so float32 rounding in the product
    return all_close((got, F.binary_cross_entropy_with_logits(x, onehot(t, 4))), tol=1e-6)


def mmseg_mask_ce():
    ns = load(MMSEG, 'mask_cross_entropy')
    x, t, lab = logits(5, 3, 4, 4), torch.randint(0, 2, (5, 4, 4)).to(DT), labels(3, 5)
    got = ns['mask_cross_entropy'](x, t, lab)
    return all_close((got, F.binary_cross_entropy_with_logits(x[torch.arange(5), lab], t)[None]))


def mmseg_ohem():
    ns = load('mmsegmentation__ohem_cross_entropy_loss.py', 'OhemCrossEntropy')
    x, t = logits(2, 5, 4, 4), labels(5, 2, 4, 4)
    t[0, 0, :2] = 255
    got = ns['OhemCrossEntropy'](thres=0.7, min_kept=10)(x, t)
    ce = F.cross_entropy(x, t, ignore_index=255, reduction='none').view(-1)
    valid = t.view(-1) != 255
    p = F.softmax(x, 1).gather(1, t.clamp(max=4).unsqueeze(1)).view(-1)[valid]
    threshold = max(p.sort()[0][min(10, p.numel() - 1)].item(), 0.7)
    return all_close((got, ce[valid][p < threshold].mean()))


# --------------------------------------------------------------------------------------------------------- openpoints
OPENPOINTS = 'openpoints__build.py'


def openpoints_smooth():
    ns = load(OPENPOINTS, 'SmoothCrossEntropy')
    x, t, eps = logits(8, 6), labels(6, 8), 0.2
    got = ns['SmoothCrossEntropy'](label_smoothing=eps)(x, t)
    q = (1 - eps) * onehot(t, 6) + eps / 5 * (1 - onehot(t, 6))
    plain = ns['SmoothCrossEntropy'](label_smoothing=0.0)(x, t)
    return all_close((got, -(q * F.log_softmax(x, 1)).sum(1).mean()), (plain, F.cross_entropy(x, t)))


def openpoints_masked():
    ns = load(OPENPOINTS, 'MaskedCrossEntropy', ns=namespace(CrossEntropyLoss=nn.CrossEntropyLoss))
    x, t, m = logits(2, 5, 7), labels(5, 2, 7), torch.randint(0, 2, (2, 7))
    got = ns['MaskedCrossEntropy'](label_smoothing=0.2)(x, t, m)
    flat = x.transpose(1, 2).reshape(-1, 5)
    keep = m.flatten() == 1
    return all_close((got, F.cross_entropy(flat[keep], t.flatten()[keep], label_smoothing=0.2)))


def openpoints_bce():
    ns = load(OPENPOINTS, 'BCELogits', ns=namespace(BCEWithLogitsLoss=nn.BCEWithLogitsLoss))
    x, t = logits(6, 4), labels(4, 6)
    return all_close((ns['BCELogits']()(x, t), F.binary_cross_entropy_with_logits(x, onehot(t, 4))))


def openpoints_focal():
    ns = load(OPENPOINTS, 'FocalLoss')
    x, t = logits(6, 2), labels(2, 6)
    got = ns['FocalLoss'](gamma=2, alpha=0.25)(x, t)
    alpha_t = torch.tensor([0.25, 0.75])[t]
    return all_close((got, focal_ref(x, t, 2, alpha_t).mean()))


def openpoints_poly1():
    ns = load(OPENPOINTS, 'Poly1CrossEntropyLoss')
    x, t = logits(6, 5), labels(5, 6)
    got = ns['Poly1CrossEntropyLoss'](num_classes=5, epsilon=1.0)(x, t)
    pt = F.softmax(x, -1).gather(1, t[:, None]).squeeze(1)
    return all_close((got, (F.cross_entropy(x, t, reduction='none') + (1 - pt)).mean()))


def openpoints_poly1_focal():
    ns = load(OPENPOINTS, 'Poly1FocalLoss')
    x, t = logits(6, 5), labels(5, 6)
    got = ns['Poly1FocalLoss'](epsilon=1.0, alpha=0.25, gamma=2.0)(x, t)
    y, p = onehot(t, 5), torch.sigmoid(x)
    pt = y * p + (1 - y) * (1 - p)
    fl = (0.25 * y + 0.75 * (1 - y)) * F.binary_cross_entropy_with_logits(x, y, reduction='none') * (1 - pt) ** 2
    return all_close((got, (fl + (1 - pt) ** 3).mean()))


# ------------------------------------------------------------------------------------------------ the smaller files
def pointnet_loss():
    ns = load('pointnet2__pointnet2_cls_ssg.py', 'get_loss')
    logp, t = F.log_softmax(logits(6, 5), -1), labels(5, 6)
    return all_close((ns['get_loss']()(logp, t, None), F.nll_loss(logp, t)))


UNET = 'unetbubbliiiing__unet_training.py'


def unet_ce():
    ns = load(UNET, 'CE_Loss')
    x, t, w = logits(2, 4, 3, 3), labels(5, 2, 3, 3), torch.rand(4) + 0.5
    got = ns['CE_Loss'](x, t, w, num_classes=4)
    return all_close((got, F.cross_entropy(x, t, weight=w, ignore_index=4)))


def unet_focal():
    ns = load(UNET, 'Focal_Loss')
    x, t = logits(2, 4, 3, 3), labels(4, 2, 3, 3)
    got = ns['Focal_Loss'](x, t, None, num_classes=4, alpha=0.5, gamma=2)
    flat = x.permute(0, 2, 3, 1).reshape(-1, 4)
    return all_close((got, focal_ref(flat, t.view(-1), 2, 0.5).mean()))


def mask2former_sigmoid_ce():
    ns = load('mask2former__criterion.py', 'sigmoid_ce_loss')
    x, y = logits(4, 9), torch.randint(0, 2, (4, 9)).to(DT)
    got = ns['sigmoid_ce_loss'](x, y, 3.0)
    return all_close((got, F.binary_cross_entropy_with_logits(x, y, reduction='none').mean(1).sum() / 3.0))


def mask2former_loss_labels():
    fname = 'mask2former__criterion.py'
    ns = namespace()
    fn = load_method(fname, 'SetCriterion', 'loss_labels', ns)
    get_idx = load_method(fname, 'SetCriterion', '_get_src_permutation_idx', ns)
    k, eos = 4, 0.1
    weight = torch.ones(k + 1, dtype=torch.float32)  # the code casts the logits with .float()
    weight[-1] = eos
    self = types.SimpleNamespace(num_classes=k, empty_weight=weight)
    self._get_src_permutation_idx = lambda ind: get_idx(self, ind)
    x = logits(2, 6, k + 1)
    targets = [{'labels': torch.tensor([1, 3])}, {'labels': torch.tensor([0])}]
    indices = [(torch.tensor([0, 4]), torch.tensor([0, 1])), (torch.tensor([2]), torch.tensor([0]))]
    got = fn(self, {'pred_logits': x}, targets, indices, 3)['loss_ce']
    tc = torch.full((2, 6), k)
    tc[0, 0], tc[0, 4], tc[1, 2] = 1, 3, 0
    ref = F.cross_entropy(x.reshape(-1, k + 1), tc.view(-1), weight=weight.to(DT))
    return all_close((got, ref), tol=1e-6)


CCNET = 'ccnet__criterion.py'


def ccnet_ce():
    ns = load(CCNET, 'CriterionCrossEntropy')
    x, t = logits(2, 4, 5, 5), labels(4, 2, 5, 5)
    t[0, 0] = 255
    return all_close((ns['CriterionCrossEntropy']()(x, t), F.cross_entropy(x, t, ignore_index=255)))


def ccnet_dsn():
    ns = load(CCNET, 'CriterionDSN')
    x0, x1, t = logits(2, 4, 5, 5), logits(2, 4, 5, 5), labels(4, 2, 5, 5)
    ref = F.cross_entropy(x0, t, ignore_index=255) + 0.4 * F.cross_entropy(x1, t, ignore_index=255)
    return all_close((ns['CriterionDSN']()([x0, x1], t), ref))


def n2c2_compute_loss():
    fn = load_method('n2c2__custom_trainer.py', 'CustomTrainer', 'compute_loss', namespace())
    x, t = logits(5, 4), labels(4, 5)
    self = types.SimpleNamespace(model=types.SimpleNamespace(config=types.SimpleNamespace(num_labels=4)))
    got = fn(self, lambda **kw: {'logits': x}, {'labels': t})
    return all_close((got, F.cross_entropy(x, t, weight=torch.tensor([2.1, 1.7, 1.5, 2.9]))))


def picls_bce():
    ns = load('picls__bce.py', 'BinaryCrossEntropy')
    x, t, eps = logits(6, 5), labels(5, 6), 0.1
    q = (1 - eps) * onehot(t, 5) + eps / 5
    return all_close((ns['BinaryCrossEntropy'](label_smoothing=eps)(x, t), F.binary_cross_entropy_with_logits(x, q)))


def dltemplate_loss():
    ns = load('dltemplate__loss.py', 'ClassificationLoss')
    x, t = logits(6, 5), labels(5, 6)
    got = ns['ClassificationLoss'](label_smoothing=0.1)(x, t)
    q = 0.9 * onehot(t, 5) + 0.1 / 5
    return all_close((got, -(q * F.log_softmax(x, 1)).sum(1).mean()))


CHECKS = [
    (MMSEG, 'cross_entropy', mmseg_ce), (MMSEG, 'CrossEntropyLoss', mmseg_ce),
    (MMSEG, 'binary_cross_entropy', mmseg_bce), (MMSEG, 'mask_cross_entropy', mmseg_mask_ce),
    ('mmsegmentation__ohem_cross_entropy_loss.py', 'OhemCrossEntropy', mmseg_ohem),
    (OPENPOINTS, 'SmoothCrossEntropy', openpoints_smooth), (OPENPOINTS, 'MaskedCrossEntropy', openpoints_masked),
    (OPENPOINTS, 'BCELogits', openpoints_bce), (OPENPOINTS, 'FocalLoss', openpoints_focal),
    (OPENPOINTS, 'Poly1CrossEntropyLoss', openpoints_poly1), (OPENPOINTS, 'Poly1FocalLoss', openpoints_poly1_focal),
    ('pointnet2__pointnet2_cls_ssg.py', 'get_loss', pointnet_loss),
    (UNET, 'CE_Loss', unet_ce), (UNET, 'Focal_Loss', unet_focal),
    ('mask2former__criterion.py', 'sigmoid_ce_loss', mask2former_sigmoid_ce),
    ('mask2former__criterion.py', 'SetCriterion.loss_labels', mask2former_loss_labels),
    (CCNET, 'CriterionCrossEntropy', ccnet_ce), (CCNET, 'CriterionDSN', ccnet_dsn),
    ('n2c2__custom_trainer.py', 'CustomTrainer.compute_loss', n2c2_compute_loss),
    ('picls__bce.py', 'BinaryCrossEntropy', picls_bce),
    ('dltemplate__loss.py', 'ClassificationLoss', dltemplate_loss),
]

if __name__ == '__main__':
    for fname, symbol, fn in CHECKS:
        check(fname, symbol, fn)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, sort_keys=True)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")
