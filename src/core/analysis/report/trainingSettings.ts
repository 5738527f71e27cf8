import type { SyntaxNode } from '@lezer/common';
import { CONVENTION_REGISTRY } from '../../conventions';
import { baseExprs, classScope, type Definition, findDefinition, type ModuleContext, qualify } from '../bind';
import { formatNumber, type TrainingSetting, trainingSetting } from '../eval';
import { type Arg, type Expr, toExpr } from '../syntax';
import { constantNumber } from './calls';
import type { RawFinding } from './raw';

/**
 * Findings for the constructions of catalogued training configurations among `calls` (one top-level statement's):
 * uniform smoothing when the keyword is given and not provably 0; a note without a claim when it is 0, or when a
 * trainer subclass the statement uses overrides the method that applies it without reading it.
 */
export function trainingSettingFindings(calls: readonly SyntaxNode[], mod: ModuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const node of calls) {
    const callee = node.firstChild;
    const setting = callee && settingOf(toExpr(callee, mod.text), mod);
    if (!setting) continue;
    const e = toExpr(node, mod.text);
    if (e.kind !== 'call' || e.args.some((a) => a.star)) continue;
    const arg = e.args.find((a) => a.name === setting.keyword);
    if (!arg || (arg.value.kind === 'const' && arg.value.value === null)) continue;
    const written = mod.text.slice(e.fn.from, e.fn.to);
    out.push(settingFinding(node, written, arg, setting, droppedBy(calls, setting, mod), mod));
  }
  return out;
}

function settingOf(fn: Expr, mod: ModuleContext): TrainingSetting | null {
  if (fn.kind === 'name' && mod.definitionNames.has(fn.id)) return null;
  const qualified = fn.kind === 'name' || fn.kind === 'attr' ? qualify(fn, mod) : null;
  return qualified?.includes('.') ? trainingSetting(qualified) : null;
}

/** A class of the file, constructed in this statement, that derives from a trainer and overrides the method without reading the setting. */
function droppedBy(
  calls: readonly SyntaxNode[],
  setting: TrainingSetting,
  mod: ModuleContext,
): string | null {
  for (const node of calls) {
    const callee = node.firstChild;
    if (callee?.name !== 'VariableName') continue;
    const def = findDefinition(mod, mod.text.slice(callee.from, callee.to), node.from, 'class');
    if (def && derivesFromTrainer(def, setting, mod) && overridesWithout(def, setting, mod)) return def.name;
  }
  return null;
}

function derivesFromTrainer(def: Definition, setting: TrainingSetting, mod: ModuleContext): boolean {
  return baseExprs(def, mod).some((base) => {
    const q = qualify(base, mod) ?? '';
    const name = q.slice(q.lastIndexOf('.') + 1);
    return setting.trainers.includes(name) && setting.from.test(q);
  });
}

function overridesWithout(def: Definition, setting: TrainingSetting, mod: ModuleContext): boolean {
  const method = classScope(def, mod).methods.get(setting.override);
  if (!method) return false;
  const cur = method.cursor();
  do {
    if (cur.name === 'PropertyName' && mod.text.slice(cur.from, cur.to) === setting.reads) return false;
  } while (cur.next() && cur.from < method.to);
  return true;
}

function settingFinding(
  node: SyntaxNode,
  written: string,
  arg: Arg,
  setting: TrainingSetting,
  dropped: string | null,
  mod: ModuleContext,
): RawFinding {
  const epsilon = constantNumber(arg.value, mod);
  const valueText =
    epsilon === null ? `\`${mod.text.slice(arg.value.from, arg.value.to)}\`` : formatNumber(epsilon);
  const base = {
    from: node.from,
    to: node.to,
    kind: 'loss' as const,
    symbol: written,
    epsilonParam: setting.keyword,
    rule: null,
  };
  if (epsilon === 0 || dropped) {
    const why =
      epsilon === 0
        ? `\`${setting.keyword}\` = 0: no label smoothing; the trainer trains with the model's own loss.`
        : `\`${setting.keyword}\` = ${valueText} is unused: \`${dropped}\` overrides \`${setting.override}\` without \`self.${setting.reads}\`, so no label smoothing comes from this setting.`;
    return { ...base, convention: null, epsilon: null, torchEquivalent: null, message: `${written}: ${why}` };
  }
  const { name } = CONVENTION_REGISTRY.uniform;
  const epsText = epsilon === null ? mod.text.slice(arg.value.from, arg.value.to) : formatNumber(epsilon);
  const closest = `nn.CrossEntropyLoss(label_smoothing=${epsText}, ignore_index=${setting.ignoreIndex})`;
  const why = `the trainer calls it on every token's logits and label, flattened to (tokens, K) (for a causal language model shifted by one), averaging over the tokens not labelled ${setting.ignoreIndex} as torch's mean with ignore_index does`;
  return {
    ...base,
    convention: 'uniform',
    epsilon,
    torchEquivalent: null,
    message: `${written}: \`${setting.keyword}\` = ${valueText} ${setting.appliedBy}: ${name}, target (1−ε)·onehot + ε/K over the K classes of the logits (a language model's vocabulary), tokens labelled ${setting.ignoreIndex} (padding) left out. No exact torch equivalent: ${why}; closest: \`${closest}\`.`,
    details: {
      lossKind: 'cross_entropy',
      hasIgnoreIndex: true,
      ignoreIndex: setting.ignoreIndex,
      reduction: 'mean',
      labelSmoothing: epsilon ?? undefined,
      closestTorch: { call: closest, why },
    },
  };
}
