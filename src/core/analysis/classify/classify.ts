import type { SymInfo } from '../bind';
import type { Mix } from '../eval';
import { evalSym, mixMass, type Scalar, sym, symNames } from '../eval';
import type { Convention } from '../results';
import { type Form, K_MINUS_1, K_MINUS_2, UNIFORM } from './conventionForms';
import { mixesGivenTargets } from './givenMixture';
import { priorSmoothing } from './priorForm';
import { close, PROBE_VALUES } from './probe';

export interface Classification {
  convention: Convention;
  epsilon: number | null;
  epsilonParam: string | null;
  epsilonIsConfidence: boolean;
  /** ε is a variable the code sets to different values on different paths (`epsilonParam` names the variable). */
  epsilonOnSeveralPaths?: true;
  /** The parameter or constant that holds K, when the code names one. */
  classesParam: string | null;
  classes: number | null;
  /** ε as computed from the targets differs from the parameter (e.g. renormalised targets). */
  effectiveDiffers: boolean;
  /** ε = epsilonScale · parameter (`(1 − t)·s + t·(1 − s)` smooths with α = 2s); absent for 1. */
  epsilonScale?: number;
  /**
   * The loss's total weight: 1 (as torch computes it), 1/N (a sum divided by the batch size: a mean), or some
   * other factor (divided by a token count, multiplied by a constant): then no torch call is exact.
   */
  scale: 'one' | 'perRow' | 'other';
  /** The prior convention's π, when it is one tensor of the code (its label). */
  priorParam?: string;
  reason: string;
}

type Env = Record<string, number>;
type KRole = { sym: string } | { fixed: number };

const BASES: Env[] = [{}, {}];
const BOOTSTRAPPED =
  "the target mixes in the model's own predictions (bootstrapping): (1−β)·p or its argmax instead of a uniform share";
const CONFIDENCE_PENALTY =
  "the loss rewards the entropy of the model's own predictions (confidence penalty, −β·H(p)): the target is the labels minus β·p";
const K_VALUES = [7, 11];

function envFor(names: string[], base: number, kRole: KRole, k: number): Env {
  const env: Env = {};
  names.forEach((n, i) => {
    env[n] = PROBE_VALUES[(i + base * 3) % PROBE_VALUES.length];
  });
  if ('sym' in kRole) env[kRole.sym] = k;
  return env;
}

/**
 * Which smoothing convention a target mix (or loss coefficients) implements, found by numeric probing. `perLabel`:
 * the loss is a binary cross-entropy of each label, which reads its target as it is (unlike a softmax
 * cross-entropy, it is not the same loss up to a scale when the target is rescaled), so a target whose total moves
 * with ε is no renormalised convention.
 */
export function classifyMix(
  m: Mix,
  binary: boolean,
  syms: Map<string, SymInfo>,
  perLabel = false,
): Classification {
  const found = symNames(m.off, symNames(m.hot));
  if (m.classes) symNames(m.classes, found);
  const names = [...found];
  const base = {
    epsilon: null,
    epsilonParam: null,
    epsilonIsConfidence: false,
    classesParam: null,
    classes: null,
    effectiveDiffers: false,
    scale: scaleOf(m, names),
  };
  const own = m.self ? evalSym(m.self, (n) => syms.get(n)?.value ?? 0.3) : 0;
  if (own > 0) return { ...base, convention: 'other', reason: BOOTSTRAPPED };
  if (own < 0 && !weighsSamples(m, syms)) return { ...base, convention: 'other', reason: CONFIDENCE_PENALTY };
  if (m.unfixed) return { ...base, convention: 'other', reason: m.unfixed };
  const offZero = BASES.every((_, b) =>
    close(
      evalSym(m.off, (n) => envFor(names, b, { fixed: 0 }, 0)[n] ?? 1),
      0,
    ),
  );
  if (offZero) {
    // Binary losses on a given tensor are plain BCE on multi-label targets; mixed with other labels they are soft.
    const soft = (m.src === 'tensor' && !binary) || m.labels === '*';
    return {
      ...base,
      convention: soft ? 'soft_target' : 'none',
      reason: soft ? 'probability targets, no smoothing' : 'no smoothing',
    };
  }
  const prior = binary ? null : priorSmoothing(m, names, syms);
  if (prior) {
    const info = syms.get(prior.epsilon);
    const epsilon = info?.value === undefined ? null : roundEps(info.value);
    const priorParam = prior.single ? syms.get(prior.prior[0]!)?.label : undefined;
    return {
      ...base,
      convention: 'prior',
      scale: prior.scale,
      epsilon,
      epsilonParam: info?.label ?? null,
      ...(priorParam ? { priorParam } : {}),
      reason: '',
    };
  }
  for (const kRole of kRoles(names, m, binary, syms)) {
    for (const form of formsFor(kRole, m, binary)) {
      const found = tryForm(form, kRole, m, names, syms, perLabel);
      if (found) return found;
    }
  }
  if (mixesGivenTargets(m, syms))
    return {
      ...base,
      scale: 'one',
      convention: 'soft_target',
      reason: 'a mix of given targets (mixup), no smoothing',
    };
  return { ...base, convention: 'other', reason: otherReason(m, binary) };
}

/**
 * The labels' term weighted per sample by a tensor the code is given (`log π(a)·advantage`, a policy gradient): an
 * entropy bonus beside it regularises that weighted likelihood, and the labels minus β·p are no target.
 */
function weighsSamples(m: Mix, syms: Map<string, SymInfo>): boolean {
  return [...symNames(m.hot)].some((n) => syms.get(n)?.tensorCandidate);
}

/** The loss's total weight hot + K·off, probed: 1, 1/N (N the batch size) or something else. */
function scaleOf(m: Mix, names: string[]): Classification['scale'] {
  const envs = BASES.map((_, b) => envFor(names, b, { sym: '#K' }, K_VALUES[b]));
  const mass = envs.map((env) => evalSym(mixMass(m, sym('#K')), (n) => env[n] ?? Number.NaN));
  return scaleFromMass(
    envs.map((env) => ({ env })),
    mass,
  );
}

/** The same from the masses probed for a form, with the class count the form matched. */
function scaleFromMass(samples: { env: Env }[], mass: number[]): Classification['scale'] {
  if (mass.every((v) => close(v, 1))) return 'one';
  return mass.every((v, i) => close(v * (samples[i].env['#N'] ?? Number.NaN), 1)) ? 'perRow' : 'other';
}

/** A name holding a size of the data (an axis, the batch), not a parameter. */
function isSize(syms: Map<string, SymInfo>, name: string): boolean {
  return ['dim', 'batch'].includes(syms.get(name)?.origin ?? '');
}

function kRoles(names: string[], m: Mix, binary: boolean, syms: Map<string, SymInfo>): KRole[] {
  const roles: KRole[] = [];
  const byOrigin = (o: SymInfo['origin']) =>
    names.filter((n) => syms.get(n)?.origin === o).map((sym) => ({ sym }));
  roles.push(...byOrigin('dim'), ...byOrigin('batch'));
  if (m.classes?.kind === 'symbol') roles.push({ sym: m.classes.name });
  if (m.classes?.kind === 'number') roles.push({ fixed: m.classes.value });
  roles.push(...names.filter((n) => !isSize(syms, n)).map((sym) => ({ sym })));
  if (binary) roles.push({ fixed: 2 });
  return roles;
}

function formsFor(kRole: KRole, m: Mix, binary: boolean): Form[] {
  if ('fixed' in kRole && kRole.fixed === 2 && binary) return [{ ...UNIFORM, convention: 'binary' }];
  if ('sym' in kRole && kRole.sym === '#B') return [{ ...UNIFORM, convention: 'batch_max_plus_1' }];
  return m.colZero ? [K_MINUS_2] : [UNIFORM, K_MINUS_1];
}

function tryForm(
  form: Form,
  kRole: KRole,
  m: Mix,
  names: string[],
  syms: Map<string, SymInfo>,
  perLabel: boolean,
): Classification | null {
  const ks = 'sym' in kRole ? K_VALUES : [kRole.fixed];
  const samples = BASES.flatMap((_, b) => ks.map((k) => ({ b, k, env: envFor(names, b, kRole, k) })));
  const at = (s: Scalar, env: Env) => evalSym(s, (n) => env[n] ?? Number.NaN);
  const eps = samples.map(({ k, env }) => form.eps(at(m.hot, env), at(m.off, env), k));
  const mass = samples.map(({ k, env }) => form.mass(at(m.hot, env), at(m.off, env), k));
  if (eps.some((e) => !Number.isFinite(e))) return null;
  const kIndependent = samples.every((s, i) => samples.every((t, j) => s.b !== t.b || close(eps[i], eps[j])));
  if (!kIndependent) return null;
  // Sizes (`#N`, `#K`, other axes) are never the smoothing parameter.
  const candidates = names.filter((n) => (!('sym' in kRole) || n !== kRole.sym) && !n.startsWith('#'));
  const match = identify(
    candidates,
    samples.map((s) => s.env),
    eps,
  );
  const massOk =
    form.convention === 'binary'
      ? binaryIsSymmetric(m, names)
      : massIsDistribution(samples, mass) &&
        (!perLabel ||
          massFreeOfEpsilon(
            form,
            m,
            samples,
            mass,
            candidates.filter((n) => !isSize(syms, n)),
          ));
  const kName = 'sym' in kRole ? kRole.sym : null;
  const kInfo = kName ? syms.get(kName) : undefined;
  const classes = 'fixed' in kRole ? kRole.fixed : (kInfo?.value ?? null);
  // ε the same whatever the parameters (they only rescale the loss: `/ norm`): that number, no parameter.
  const fixed = candidates.length > 0 && eps.every((e) => close(e, eps[0])) ? eps[0] : null;
  const param = match?.name ?? (candidates.length === 1 && fixed === null ? candidates[0] : null);
  const info = param ? syms.get(param) : undefined;
  const defaultValue = info?.value;
  const epsilon = roundEps(
    match
      ? defaultValue === undefined
        ? null
        : match.confidence
          ? 1 - defaultValue
          : (match.scale ?? 1) * defaultValue
      : (fixed ?? effectiveAtDefaults(form, m, kRole, syms, classes)),
  );
  const result: Classification = {
    convention: massOk || !match ? form.convention : 'other',
    epsilon,
    epsilonParam: info?.label ?? null,
    epsilonIsConfidence: match?.confidence ?? false,
    ...(info?.severalValues ? { epsilonOnSeveralPaths: true as const } : {}),
    ...(match?.scale !== undefined ? { epsilonScale: match.scale } : {}),
    scale: scaleFromMass(samples, mass),
    classesParam: kInfo && kInfo.origin !== 'dim' && kInfo.origin !== 'batch' ? kInfo.label : null,
    classes,
    effectiveDiffers: !match && fixed === null && candidates.length > 0,
    reason: massOk ? '' : 'the smoothed targets do not sum to 1 (their total depends on ε)',
  };
  return massOk || match ? result : null;
}

/**
 * The weights form a distribution up to a scale that does not depend on ε: the total changes with K by the same
 * factor whatever ε is (constant for a proper target; 1/size for a loss normalised after the sum).
 */
function massIsDistribution(samples: { b: number; k: number }[], mass: number[]): boolean {
  const at = (b: number, k: number): number => mass[samples.findIndex((s) => s.b === b && s.k === k)];
  const [first] = samples;
  return samples.every((s) =>
    close(at(s.b, s.k) * at(first.b, first.k), at(first.b, s.k) * at(s.b, first.k)),
  );
}

/**
 * The total stays the same when only the parameters move (the sizes kept): the target is rescaled by nothing that
 * moves with ε (a 1/N of a mean still may).
 */
function massFreeOfEpsilon(
  form: Form,
  m: Mix,
  samples: { k: number; env: Env }[],
  mass: number[],
  params: string[],
): boolean {
  const at = (s: Scalar, env: Env) => evalSym(s, (n) => env[n] ?? Number.NaN);
  return samples.every((s, i) =>
    samples.every((other) => {
      const env = { ...s.env };
      for (const n of params) env[n] = other.env[n];
      return close(form.mass(at(m.hot, env), at(m.off, env), s.k), mass[i]);
    }),
  );
}

/**
 * A binary target t·hot + off is one Bernoulli distribution per label only if a negative's target is 1 minus a
 * positive's: hot + 2·off is the loss's scale, which no parameter that moves ε changes. `(1 − ε)·t + ε` keeps
 * positives at 1 and lifts negatives to ε: smoothing, but not the symmetric ε/2 one.
 */
function binaryIsSymmetric(m: Mix, names: string[]): boolean {
  const [base, moved] = BASES.map((_, b) => envFor(names, b, { fixed: 2 }, 2));
  const measure = (env: Env) => {
    const [hot, off] = [m.hot, m.off].map((s) => evalSym(s, (n) => env[n] ?? Number.NaN));
    return { eps: UNIFORM.eps(hot, off, 2), mass: UNIFORM.mass(hot, off, 2) };
  };
  const at = measure(base);
  return names.every((n) => {
    const v = measure({ ...base, [n]: moved[n] });
    return close(v.eps, at.eps) || close(v.mass, at.mass);
  });
}

function roundEps(v: number | null): number | null {
  return v === null ? null : Number(v.toPrecision(12));
}

/** The parameter ε is: itself, its complement (a confidence), or a fixed multiple of it (α = 2s). */
function identify(
  candidates: string[],
  envs: Env[],
  eps: number[],
): { name: string; confidence: boolean; scale?: number } | null {
  for (const name of candidates) {
    if (envs.every((env, i) => close(eps[i], env[name]))) return { name, confidence: false };
    if (envs.every((env, i) => close(eps[i], 1 - env[name]))) return { name, confidence: true };
    const scale = eps[0] / envs[0][name];
    if (Number.isFinite(scale) && envs.every((env, i) => close(eps[i], scale * env[name])))
      return { name, confidence: false, scale: Number(scale.toPrecision(12)) };
  }
  return null;
}

function effectiveAtDefaults(
  form: Form,
  m: Mix,
  kRole: KRole,
  syms: Map<string, SymInfo>,
  classes: number | null,
): number | null {
  const k = 'fixed' in kRole ? kRole.fixed : classes;
  if (k === null) return null;
  const env = (n: string) => ('sym' in kRole && n === kRole.sym ? k : (syms.get(n)?.value ?? Number.NaN));
  const v = form.eps(evalSym(m.hot, env), evalSym(m.off, env), k);
  return Number.isFinite(v) ? v : null;
}

function otherReason(m: Mix, binary: boolean): string {
  if (binary)
    return 'the smoothed targets of a positive and a negative do not add up to 1 (not t·(1−α) + α/2)';
  return m.colZero
    ? 'a class column is zeroed but the fill is not ε/(K−2)'
    : 'the off-target weight is neither ε/K nor ε/(K−1)';
}
