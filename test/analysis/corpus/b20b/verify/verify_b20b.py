#!/usr/bin/python3
"""Numerical checks for the b20b labels (../labels.json), written before the analysis was run on these files.

Run with Debian's torch:  /usr/bin/python3 verify_b20b.py
Each check takes the named top-level classes/functions (or one method, run as a plain function with a stub `self`)
out of the corpus file by name (ast), execs them with small stubs for project-internal names (tensor-parallel
groups of world size 1, a no-op all_reduce), feeds random float64 inputs and compares the code's loss with the
reference of its labelled convention:
  none        -> plain CE / NLL / focal on the hard labels
  uniform     -> F.cross_entropy(label_smoothing=eps)
  k_minus_1   -> -sum(t * log_softmax) with t = (1-eps)*onehot + eps/(K-1) off the label
  other       -> the target the code builds, shown not to be any of the named conventions
  soft_target -> -sum(p_teacher * log_softmax(student)) / KL(teacher || student)
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


class VocabUtility:
    """Megatron's VocabUtility for one rank: the partition is the whole vocabulary."""

    @staticmethod
    def vocab_range_from_per_partition_vocab_size(size, rank, world_size):
        return rank * size, (rank + 1) * size


def single_rank_distributed():
    """torch.distributed with a no-op all_reduce: every reduction over one rank is the identity."""
    dist = types.SimpleNamespace(all_reduce=lambda *a, **k: None,
                                 ReduceOp=types.SimpleNamespace(MAX='max', SUM='sum'))
    return types.SimpleNamespace(**{n: getattr(torch, n) for n in dir(torch) if not n.startswith('__') and n != 'distributed'},
                                 distributed=dist)


def namespace(**extra):
    ns = dict(torch=torch, nn=nn, F=F, Tensor=torch.Tensor, Optional=typing.Optional, Any=typing.Any,
              Module=nn.Module, VocabUtility=VocabUtility,
              get_tensor_model_parallel_group=lambda: None, get_tensor_model_parallel_rank=lambda: 0,
              get_tensor_model_parallel_world_size=lambda: 1, get_model_parallel_group=lambda: None,
              get_model_parallel_rank=lambda: 0, get_model_parallel_world_size=lambda: 1)
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


def k_minus_1_ref(x, t, eps):
    k = x.size(-1)
    q = (1 - eps) * onehot(t, k) + eps / (k - 1) * (1 - onehot(t, k))
    return -(q * F.log_softmax(x, -1)).sum(-1)


def soft_ce(student, teacher):
    return -(F.softmax(teacher, -1) * F.log_softmax(student, -1)).sum(-1)


# -------------------------------------------------------------------------------------------------------- DI-engine
DI = 'diengine__cross_entropy_loss.py'


def di_label_smooth():
    ns = load(DI, 'LabelSmoothCELoss')
    x, t, eps = logits(6, 5), labels(5, 6), 0.2
    got = ns['LabelSmoothCELoss'](eps)(x, t)
    val = eps / 4
    q = (1 - val) * onehot(t, 5) + val * (1 - onehot(t, 5))
    ok, detail = all_close((got, -(q * F.log_softmax(x, 1)).sum(1).mean()))
    off_k1 = (got - k_minus_1_ref(x, t, eps).mean()).abs().item()
    off_u = (got - F.cross_entropy(x, t, label_smoothing=eps)).abs().item()
    return ok and off_k1 > 1e-3 and off_u > 1e-3, (
        f'target 1−ε/(K−1) on the label, ε/(K−1) elsewhere (rows sum to {float(q.sum(1)[0]):.3f}); '
        f'{detail}; differs from K−1 by {off_k1:.3g}, from uniform by {off_u:.3g}')


def di_soft_focal():
    ns = load(DI, 'SoftFocalLoss')  # torch 1.13 still has nn.NLLLoss2d (an alias of NLLLoss)
    x, t = logits(2, 4, 3, 3), labels(4, 2, 3, 3)
    got = ns['SoftFocalLoss']()(x, t)
    w = (1 - F.softmax(x, 1)) ** 2 * F.log_softmax(x, 1)
    return all_close((got, F.nll_loss(w, t)))


def numpy_with_bool():
    """numpy >= 1.24 dropped the np.bool alias the code uses; the builtin bool is what it meant."""
    import numpy
    return types.SimpleNamespace(**{n: getattr(numpy, n) for n in dir(numpy) if not n.startswith('__')}, bool=bool)


def best_matching_mean(metric):
    import itertools
    m = metric.shape[0]
    return min(sum(metric[p[i], i] for i in range(m)) / m for p in itertools.permutations(range(m)))


def di_multi_logits():
    ns = load('diengine__multi_logits_loss.py', 'get_distance_matrix', 'MultiLogitsLoss',
              ns=namespace(np=numpy_with_bool(), one_hot=lambda t, num: F.one_hot(t, num)))
    x, t, eps = logits(4, 6), labels(6, 4), 0.2
    val = eps / 5
    q = (1 - val) * onehot(t, 6) + val * (1 - onehot(t, 6))
    metric = -(F.log_softmax(x, 1)[:, None, :] * q[None, :, :]).sum(-1)  # row: logits i, column: label j
    plain_metric = -(F.log_softmax(x, 1)[:, None, :] * onehot(t, 6)[None, :, :]).sum(-1)
    got = ns['MultiLogitsLoss']('label_smooth_ce', smooth_ratio=eps)(x, t)
    plain = ns['MultiLogitsLoss']()(x, t)
    ok, detail = all_close((got, best_matching_mean(metric)), (plain, best_matching_mean(plain_metric)), tol=1e-6)
    return ok, ('label_smooth_ce: the same 1−ε/(K−1) / ε/(K−1) target as LabelSmoothCELoss, CE matched to the labels '
                'by a Hungarian assignment (checked against the best permutation); default: one-hot; ' + detail)


# ---------------------------------------------------------------------------------------------- Megatron-DeepSpeed
MDS = 'megatronds__cross_entropy.py'


def megatron_ns(fname, *names):
    return load(fname, *names, ns=namespace(torch=single_rank_distributed()))


def mds_vocab_parallel():
    ns = megatron_ns(MDS, '_VocabParallelCrossEntropy', 'vocab_parallel_cross_entropy')
    x, t, eps = logits(3, 4, 7), labels(7, 3, 4), 0.1
    got = ns['vocab_parallel_cross_entropy'](x.clone(), t, eps)
    plain = ns['vocab_parallel_cross_entropy'](x.clone(), t, 0.0)
    return all_close((got, k_minus_1_ref(x, t, eps)), (plain, F.cross_entropy(x.transpose(1, 2), t, reduction='none')))


# ------------------------------------------------------------------------------------------------------ GPT-NeoX
NEOX = 'gptneox__loss.py'


def neox_ce():
    ns = megatron_ns(NEOX, '_VocabParallelCrossEntropy', 'vocab_parallel_cross_entropy')
    x, t = logits(3, 4, 7), labels(7, 3, 4)
    got = ns['vocab_parallel_cross_entropy'](x.clone(), t)
    return all_close((got, F.cross_entropy(x.transpose(1, 2), t, reduction='none')))


def neox_kl():
    ns = megatron_ns(NEOX, '_VocabParallelKLDivLoss', 'vocab_parallel_KLDivLoss')
    s, te = logits(2, 3, 6), logits(2, 3, 6)
    got = ns['vocab_parallel_KLDivLoss'](s.clone(), te.clone())
    ref = F.kl_div(F.log_softmax(s, -1), F.softmax(te, -1), reduction='none').sum(-1)
    return all_close((got, ref), tol=1e-8)


# -------------------------------------------------------------------------------------------------------- metaseq
META = 'metaseq__vocab_parallel_soft_cross_entropy.py'


def metaseq_soft():
    ns = megatron_ns(META, '_VocabParallelSoftCrossEntropy', 'vocab_parallel_soft_cross_entropy')
    x = logits(2, 3, 9)
    top = torch.randint(0, 9, (2, 3, 4))
    tlogp = F.log_softmax(logits(2, 3, 4), -1)
    got = ns['vocab_parallel_soft_cross_entropy'](x.clone(), top, tlogp)
    ref = -(tlogp.exp() * F.log_softmax(x, -1).gather(-1, top)).sum(-1)
    return all_close((got, ref))


# ------------------------------------------------------------------------------------------------------- InternLM
def internlm_loss():
    gpc = types.SimpleNamespace(is_rank_for_log=lambda: False)
    ns = load('internlm__loss.py', 'FlashGPTLMLoss', ns=namespace(gpc=gpc))
    x, t, eps = logits(2, 5, 8), labels(8, 2, 5), 0.1
    got = ns['FlashGPTLMLoss'](parallel_output=False, label_smoothing=eps)(x, t)
    plain = ns['FlashGPTLMLoss'](parallel_output=False, label_smoothing=None)(x, t)
    flat_x, flat_t = x.reshape(-1, 8), t.reshape(-1)
    return all_close((got, F.cross_entropy(flat_x, flat_t, label_smoothing=eps)),
                     (plain, F.cross_entropy(flat_x, flat_t)))


# ----------------------------------------------------------------------------------------------------- TorchBlocks
def torchblocks_ls():
    ns = load('torchblocks__label_smoothing.py', 'LabelSmoothingCE')
    x, t, eps = logits(7, 5), labels(5, 7), 0.1
    got = ns['LabelSmoothingCE'](eps=eps)(x, t)
    summed = ns['LabelSmoothingCE'](eps=eps, reduction='sum')(x, t)
    return all_close((got, F.cross_entropy(x, t, label_smoothing=eps)),
                     (summed, F.cross_entropy(x, t, label_smoothing=eps, reduction='sum')))


KD = 'torchblocks__kd_loss.py'


def torchblocks_kdce():
    ns = load(KD, 'KdCeLoss')
    s, te = logits(4, 6), logits(4, 6)
    got = ns['KdCeLoss']()(s, te, temperature=2.0)
    return all_close((got, soft_ce(s / 2, te / 2).mean()))


def torchblocks_attce():
    ns = load(KD, 'AttCeLoss', 'AttCeMeanLoss')
    s, te, m = logits(2, 3, 5, 5), logits(2, 3, 5, 5), torch.ones(2, 5)
    got = ns['AttCeLoss']()(s, te, m)
    ref = soft_ce(s, te).sum() / (m.sum() * s.size(1))  # the code's mask is expanded over the heads
    got_mean = ns['AttCeMeanLoss']()(s, te, m)
    ref_mean = soft_ce(s.mean(1), te.mean(1)).sum() / m.sum()
    return all_close((got, ref), (got_mean, ref_mean))


# ------------------------------------------------------------------------------------------------------------- tsai
def tsai_focal():
    ns = load('tsai__losses.py', 'FocalLoss', ns=namespace(Module=nn.Module))
    x, t, a = logits(6, 4), labels(4, 6), torch.rand(4) + 0.5

    # fastai's Module runs nn.Module.__init__ before the subclass __init__; done by hand here
    cls = ns['FocalLoss']
    obj = cls.__new__(cls)
    nn.Module.__init__(obj)
    cls.__init__(obj, alpha=a, gamma=2.0)
    got = obj(x, t)
    pt = F.softmax(x, -1).gather(1, t[:, None]).squeeze(1)
    ref = ((1 - pt) ** 2 * F.nll_loss(F.log_softmax(x, -1), t, weight=a, reduction='none')).mean()
    return all_close((got, ref))


# ------------------------------------------------------------------------------------------------------------ ORPO
def orpo_custom():
    fn = load_method('orpo__orpo_trainer.py', 'ORPOTrainer', 'compute_custom_loss', namespace())
    self = types.SimpleNamespace(loss_fct=nn.CrossEntropyLoss(reduction='none'))
    x, t = logits(2, 6, 5), labels(5, 2, 6)
    got = fn(self, x, t)
    ref = F.cross_entropy(x[:, :-1].transpose(1, 2), t[:, 1:], reduction='none').mean(-1)
    return all_close((got, ref))


# ---------------------------------------------------------------------------------------------------------- SimCTG
def simctg_mle():
    ns = load('simctg__lossfunction.py', 'SimCTGLoss', ns=namespace(train_fct=nn.CrossEntropyLoss()))
    h, x, ids = torch.randn(2, 5, 4), logits(2, 5, 7), labels(6, 2, 5) + 1
    loss = ns['SimCTGLoss'](margin=0.5, vocab_size=7, pad_token_id=0)
    torch.set_default_dtype(torch.float32)  # the code builds its masks as torch.FloatTensor
    try:
        mle, _ = loss(h.float(), x, ids, ids)
    finally:
        torch.set_default_dtype(DT)
    return all_close((mle, F.cross_entropy(x.view(-1, 7), ids.view(-1))))


CHECKS = [
    (DI, 'LabelSmoothCELoss', di_label_smooth),
    (DI, 'SoftFocalLoss', di_soft_focal),
    ('diengine__multi_logits_loss.py', 'MultiLogitsLoss', di_multi_logits),
    (MDS, '_VocabParallelCrossEntropy', mds_vocab_parallel),
    (MDS, 'vocab_parallel_cross_entropy', mds_vocab_parallel),
    (NEOX, '_VocabParallelCrossEntropy', neox_ce),
    (NEOX, 'vocab_parallel_cross_entropy', neox_ce),
    (NEOX, '_VocabParallelKLDivLoss', neox_kl),
    (NEOX, 'vocab_parallel_KLDivLoss', neox_kl),
    (META, '_VocabParallelSoftCrossEntropy', metaseq_soft),
    (META, 'vocab_parallel_soft_cross_entropy', metaseq_soft),
    ('internlm__loss.py', 'FlashGPTLMLoss', internlm_loss),
    ('torchblocks__label_smoothing.py', 'LabelSmoothingCE', torchblocks_ls),
    (KD, 'KdCeLoss', torchblocks_kdce),
    (KD, 'AttCeLoss', torchblocks_attce),
    (KD, 'AttCeMeanLoss', torchblocks_attce),
    ('tsai__losses.py', 'FocalLoss', tsai_focal),
    ('orpo__orpo_trainer.py', 'ORPOTrainer.compute_custom_loss', orpo_custom),
    ('simctg__lossfunction.py', 'SimCTGLoss', simctg_mle),
]

if __name__ == '__main__':
    for fname, symbol, fn in CHECKS:
        check(fname, symbol, fn)
    with open(os.path.join(HERE, 'results.json'), 'w', encoding='utf-8') as fh:
        json.dump(RESULTS, fh, indent=2, ensure_ascii=False)
        fh.write('\n')
    print(f"{sum(r['pass'] for r in RESULTS.values())}/{len(RESULTS)} checks pass")
