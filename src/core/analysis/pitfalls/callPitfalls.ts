import type { SyntaxNode } from '@lezer/common';
import type { ModuleContext } from '../bind';
import { bindArgs, type TorchApi } from '../eval';
import type { CallExpr, RawFinding } from '../report';
import { constantNumber } from '../report';
import {
  DEPRECATED_SIZE_AVERAGE_REDUCE,
  KL_DIV_MEAN_REDUCTION,
  LABEL_SMOOTHING_OUT_OF_RANGE,
  SOFTMAX_WITHOUT_DIM,
} from '../results';
import type { Arg } from '../syntax';
import { bceOnLogits } from './bceOnLogits';
import { pitfall } from './pitfall';
import { softmaxIntoCrossEntropy } from './softmaxIntoCe';

/** Pitfalls of a torch loss: at its construction (`ctor`) and where it is invoked on tensors (`call`). */
export function torchCallPitfalls(
  call: CallExpr,
  node: SyntaxNode,
  api: TorchApi,
  ctor: CallExpr,
  mod: ModuleContext,
): RawFinding[] {
  const out: RawFinding[] = [];
  const constructing = call === ctor;
  const args = bindArgs(ctor.args, api.params);
  if (constructing) out.push(...configPitfalls(ctor, api, args, mod));
  const invoked = api.form !== 'module' || !constructing;
  if (!invoked) return out;
  const input =
    api.form === 'module' ? call.args.find((a) => !a.name || a.name === 'input') : args.get('input');
  if (!input) return out;
  if (api.kind === 'cross_entropy') out.push(...softmaxIntoCrossEntropy(input, node, mod));
  if (api.kind === 'binary_cross_entropy') out.push(...bceOnLogits(input, node, api, ctor, mod));
  return out;
}

function configPitfalls(
  ctor: CallExpr,
  api: TorchApi,
  args: Map<string, Arg>,
  mod: ModuleContext,
): RawFinding[] {
  const out: RawFinding[] = [];
  const ls = args.get('label_smoothing');
  const eps = constantNumber(ls?.value, mod);
  if (ls && eps !== null && (eps < 0 || eps > 1)) {
    out.push(
      pitfall(
        ls,
        LABEL_SMOOTHING_OUT_OF_RANGE,
        `label_smoothing = ${eps} is outside [0, 1]; torch raises an error.`,
      ),
    );
  }
  const legacy = ['size_average', 'reduce'].map((n) => args.get(n)).filter((a): a is Arg => a !== undefined);
  if (legacy.length) out.push(legacyReduction(legacy, args, mod));
  if (api.kind === 'kl_div') {
    const red = args.get('reduction');
    const flags = legacyFlags(args, mod);
    const known = flags.reduce !== null && flags.sizeAverage !== null;
    const implied = legacy.length ? (known ? flags.reduction : null) : 'mean';
    const mean = red ? red.value.kind === 'str' && red.value.value === 'mean' : implied === 'mean';
    if (mean) out.push(klMean(ctor, red));
  }
  const noDim =
    (api.kind === 'softmax' || api.kind === 'log_softmax') && api.form !== 'method' && !args.has('dim');
  if (noDim) {
    out.push(
      pitfall(
        ctor,
        SOFTMAX_WITHOUT_DIM,
        `${api.written} without \`dim\`: torch picks a dimension implicitly (deprecated, and 0 for 1-D/3-D inputs); pass dim=-1 for class-last logits.`,
      ),
    );
  }
  return out;
}

/** The reduction the legacy `size_average` / `reduce` flags mean (as torch's `_Reduction.legacy_get_string`). */
function legacyFlags(args: Map<string, Arg>, mod: ModuleContext) {
  const flag = (n: string): boolean | null => {
    const a = args.get(n);
    if (!a || (a.value.kind === 'const' && a.value.value === null)) return true;
    if (a.value.kind === 'const') return Boolean(a.value.value);
    const v = constantNumber(a.value, mod);
    return v === null ? null : Boolean(v);
  };
  const reduce = flag('reduce');
  const sizeAverage = flag('size_average');
  const reduction = reduce === false ? 'none' : sizeAverage === false ? 'sum' : 'mean';
  return { reduce, sizeAverage, reduction };
}

function legacyReduction(legacy: Arg[], args: Map<string, Arg>, mod: ModuleContext): RawFinding {
  const { reduce, sizeAverage, reduction } = legacyFlags(args, mod);
  const span = { from: Math.min(...legacy.map((a) => a.from)), to: Math.max(...legacy.map((a) => a.to)) };
  const safe = reduce !== null && sizeAverage !== null && !args.has('reduction');
  const edits = legacy.map((a, i) => ({
    from: a.from,
    to: a.to,
    newText: i === 0 ? `reduction='${reduction}'` : '',
  }));
  const contiguous = legacy.length === 1 || mod.text.slice(span.from, span.to).split(',').length === 2;
  return pitfall(
    span,
    DEPRECATED_SIZE_AVERAGE_REDUCE,
    `size_average and reduce are deprecated; use reduction='${reduction}'.`,
    safe && contiguous
      ? { title: `Use reduction='${reduction}'`, edits: [{ ...span, newText: edits[0].newText }] }
      : undefined,
  );
}

function klMean(ctor: CallExpr, red: Arg | undefined): RawFinding {
  const edit = red
    ? { from: red.value.from, to: red.value.to, newText: "'batchmean'" }
    : {
        from: ctor.argsTo - 1,
        to: ctor.argsTo - 1,
        newText: `${ctor.args.length ? ', ' : ''}reduction='batchmean'`,
      };
  return pitfall(
    red ?? ctor,
    KL_DIV_MEAN_REDUCTION,
    "kl_div with reduction='mean' (the default) averages over every element, so it is the KL divergence divided by the number of classes; 'batchmean' gives the KL divergence.",
    { title: "Use reduction='batchmean'", edits: [edit] },
  );
}
