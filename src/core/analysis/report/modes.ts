import { CONVENTION_REGISTRY } from '../../conventions';
import { analyzeDefinition, type DefinitionResult, type Setting } from '../classify';
import { ZERO } from '../eval';
import type { Convention, LossMode } from '../results';

/**
 * The settings under which a definition computes another formula than by default: the values its code tests a
 * string parameter against (`mode='classy_vision'`), and eval mode (`self.training` False). Each is run like the
 * default; those whose convention differs from the default's are listed.
 */
export function otherModes(r: DefinitionResult): LossMode[] {
  const text = r.ctx.mod.text.slice(r.def.node.from, r.def.node.to);
  const settings: { when: string; setting: Setting }[] = [];
  for (const p of r.params) {
    if (p.defaultExpr?.kind !== 'str') continue;
    const names = [p.name, ...storedAs(text, p.name)];
    for (const v of new Set(names.flatMap((n) => testedValues(text, n)))) {
      if (v !== p.defaultExpr.value)
        settings.push({
          when: `${p.name}='${v}'`,
          setting: { name: p.name, value: { kind: 'str', text: v } },
        });
    }
  }
  if (r.def.kind === 'class' && /\bself\.training\b/.test(text))
    settings.push({ when: 'eval mode', setting: { name: 'training', value: { kind: 'num', value: ZERO } } });
  const modes: LossMode[] = [];
  for (const { when, setting } of settings) {
    // A loss method run on its own is run on its own in the other mode too: the class's modes are not its.
    const other = analyzeDefinition(r.def, r.ctx.mod, setting, r.method?.alone ? r.method.name : undefined);
    const convention = other && !other.loss.delegated ? other.classification.convention : null;
    if (convention !== r.classification.convention) modes.push({ when, convention });
  }
  return modes;
}

/** ` In eval mode: no label smoothing; with `mode='x'`: K−1 label smoothing.` */
export function modesNote(modes: LossMode[]): string {
  if (modes.length === 0) return '';
  const named = (c: Convention | null) =>
    c ? CONVENTION_REGISTRY[c].name : 'no loss the analysis recognises';
  const parts = modes.map((m) =>
    m.when === 'eval mode'
      ? `in eval mode: ${named(m.convention)}`
      : `with \`${m.when}\`: ${named(m.convention)}`,
  );
  const text = parts.join('; ');
  return ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Attributes a parameter is stored in (`self._mode = mode`). */
function storedAs(text: string, param: string): string[] {
  const re = new RegExp(`self\\.(\\w+)\\s*=\\s*${param}\\b`, 'g');
  return [...text.matchAll(re)].map((m) => m[1]);
}

/** The string literals a name (or `self.name`) is compared with: `==`, `!=`, `in [...]`, either side. */
function testedValues(text: string, name: string): string[] {
  const ref = `(?:self\\.)?\\b${name}\\b`;
  const lit = `(['"])([^'"\\n]*)\\1`;
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`${ref}\\s*(?:==|!=)\\s*${lit}`, 'g'))) out.push(m[2]);
  for (const m of text.matchAll(new RegExp(`${lit}\\s*(?:==|!=)\\s*${ref}`, 'g'))) out.push(m[2]);
  for (const m of text.matchAll(new RegExp(`${ref}\\s+(?:not\\s+)?in\\s*[[(]([^\\])]*)[\\])]`, 'g')))
    for (const s of m[1].matchAll(/(['"])([^'"\n]*)\1/g)) out.push(s[2]);
  return out;
}
