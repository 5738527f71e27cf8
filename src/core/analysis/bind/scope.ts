import type { SyntaxNode } from '@lezer/common';
import type { Value } from '../eval';
import type { Stmt } from '../syntax';
import { children, type Expr, toExpr } from '../syntax';
import { type Definition, findDefinition, type ModuleContext } from './module';

export interface SymInfo {
  origin: 'param' | 'const' | 'dim' | 'batch' | 'free';
  label: string;
  value?: number;
  /** A function parameter with no numeric default: as likely a tensor (`target`) as a number (`eps`). */
  tensorCandidate?: true;
  /** Such a parameter seen used as a tensor (its shape or device read, reshaped). */
  tensor?: true;
  /** A parameter that defaults to None: code under `if x is not None:` runs only when it is given. */
  noneDefault?: true;
  /** A variable branches of the code set to different numbers (`if …: s = eps else: s = alpha`): not a parameter. */
  severalValues?: true;
}

export interface ClassScope {
  def: Definition;
  methods: Map<string, SyntaxNode>;
  /** `self.x` values set in `__init__` (and updated by other methods while they run). */
  attrs: Map<string, Value>;
  /** Where each attribute was assigned (for linking instance calls to their constructor). */
  attrSpans: Map<string, Expr>;
}

export interface Ctx {
  mod: ModuleContext;
  syms: Map<string, SymInfo>;
  depth: number;
  /**
   * Torch loss calls made; `training`: a training step ran (`backward`, `optimizer.step()`), `ownStep` in the
   * definition's own body; `trained`: the loss it backpropagated.
   */
  calls: { torchLosses: number; training?: boolean; ownStep?: boolean; trained?: Value };
}

export interface Frame {
  vars: Map<string, Value>;
  returns: Value[];
  cls: ClassScope | null;
  /** Statements that assigned each local, in order (for pitfalls following a variable to its source). */
  body?: Stmt[];
  /** The path has returned: what follows is unreachable on it. */
  returned?: boolean;
  /**
   * Where the return of a flag's default path stands in `returns` once that path has returned: later returns
   * (the other path's) go before it, so that of equally rich returns the default path's is the one kept.
   */
  settled?: number;
  /** Inside a loop over the classes or the samples: `+=` sums what it adds over them. */
  loopOver?: 'classes' | 'rows';
  /** How many repeated tests the path was split on (`correlatedTests.ts`), each running the rest of a body twice. */
  splits?: number;
}

export interface Param {
  name: string;
  defaultExpr: Expr | null;
  star: boolean;
  /** `**kwargs`: a mapping of the caller's other keywords, never a tensor or a number itself. */
  keywords: boolean;
  /** The type annotation's text (`float`, `Optional[torch.Tensor]`), when written. */
  annotation: string | null;
}

/**
 * The names assigned in `fn`'s body (`eps = eps or 0.1`, `if eps is None: eps = 0.1`, `a, eps = …`, `eps += 1`):
 * a parameter among them does not keep the value it is given.
 */
export function assignedNames(fn: SyntaxNode, text: string): Set<string> {
  const names = new Set<string>();
  const visit = (n: SyntaxNode): void => {
    if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') return; // their own scopes
    if (n.name === 'AssignStatement' || n.name === 'UpdateStatement')
      for (let c = n.firstChild; c && c.name !== 'AssignOp' && c.name !== 'UpdateOp'; c = c.nextSibling)
        if (c.name === 'VariableName') names.add(text.slice(c.from, c.to));
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  const body = fn.getChild('Body');
  for (let c = body?.firstChild ?? null; c; c = c.nextSibling) visit(c);
  return names;
}

export function paramsOf(fn: SyntaxNode, text: string): Param[] {
  const list = fn.getChild('ParamList');
  if (!list) return [];
  const out: Param[] = [];
  let star = false;
  let keywords = false;
  let pendingDefault = false;
  for (const c of children(list)) {
    if (c.name === '*' || c.name === '**') [star, keywords] = [true, c.name === '**'];
    else if (c.name === ',') [star, keywords] = [false, false];
    else if (c.name === 'AssignOp') pendingDefault = true;
    else if (c.name === 'TypeDef' && out.length)
      out[out.length - 1].annotation = text.slice(c.from + 1, c.to).trim();
    else if (pendingDefault && out.length) {
      out[out.length - 1].defaultExpr = toExpr(c, text);
      pendingDefault = false;
    } else if (c.name === 'VariableName')
      out.push({ name: text.slice(c.from, c.to), defaultExpr: null, star, keywords, annotation: null });
  }
  return out;
}

/**
 * The parameters a caller passes: without the receiver in first place. A method's first parameter is its receiver
 * whatever its name (a classmethod's `klass`), a staticmethod has none; elsewhere `self` or `cls` is one.
 */
export function callParams(fn: SyntaxNode, text: string): Param[] {
  const params = paramsOf(fn, text);
  const method = methodKind(fn, text);
  const named = params[0]?.name === 'self' || params[0]?.name === 'cls';
  const receiver = params[0] && (method === null ? named : method === 'bound');
  return receiver ? params.slice(1) : params;
}

/** 'static' or 'bound' for a function defined in a class body, null elsewhere. */
function methodKind(fn: SyntaxNode, text: string): 'static' | 'bound' | null {
  const decorated = fn.parent?.name === 'DecoratedStatement' ? fn.parent : null;
  if ((decorated ?? fn).parent?.parent?.name !== 'ClassDefinition') return null;
  return decoratorsOf(fn, text).some((d) => /^staticmethod\b/.test(d)) ? 'static' : 'bound';
}

/** The decorators of a function definition as written after `@` (`staticmethod`, `property`, `torch.no_grad()`). */
export function decoratorsOf(fn: SyntaxNode, text: string): string[] {
  const decorated = fn.parent?.name === 'DecoratedStatement' ? fn.parent : null;
  const decorators = decorated ? decorated.getChildren('Decorator') : [];
  return decorators.map((d) => text.slice(d.from, d.to).replace(/^@\s*/, '').trim());
}

export function functionBody(fn: SyntaxNode): SyntaxNode | null {
  return fn.getChild('Body');
}

/** A class's methods, its own first, then those it inherits from classes of the same file (mixins, bases). */
export function classScope(def: Definition, mod: ModuleContext): ClassScope {
  const methods = new Map<string, SyntaxNode>();
  for (const cls of [def, ...localBases(def, mod, 3)]) {
    const body = functionBody(cls.node);
    for (const c of body ? children(body) : []) {
      const fn = c.name === 'DecoratedStatement' ? c.lastChild : c;
      const nameNode = fn?.name === 'FunctionDefinition' ? fn.getChild('VariableName') : null;
      const name = nameNode && mod.text.slice(nameNode.from, nameNode.to);
      if (fn && name && !methods.has(name)) methods.set(name, fn);
    }
  }
  return { def, methods, attrs: new Map(), attrSpans: new Map() };
}

/** What `def` and its bases defined in the file (three levels up) derive from, as written: nearest class first. */
export function baseExprs(def: Definition, mod: ModuleContext): Expr[] {
  const out: Expr[] = [];
  for (const d of [def, ...localBases(def, mod, 3)]) {
    const bases = d.node.getChild('ArgList');
    for (let b = bases?.firstChild; b; b = b.nextSibling) out.push(toExpr(b, mod.text));
  }
  return out;
}

/** The base classes of `def` defined in the same file, nearest first, `depth` levels up. */
export function localBases(def: Definition, mod: ModuleContext, depth: number): Definition[] {
  if (depth === 0) return [];
  const out: Definition[] = [];
  const args = def.node.getChild('ArgList');
  for (let b = args?.firstChild; b; b = b.nextSibling) {
    if (b.name !== 'VariableName') continue;
    const base = findDefinition(mod, mod.text.slice(b.from, b.to), def.node.from, 'class');
    if (base && base !== def) out.push(base, ...localBases(base, mod, depth - 1));
  }
  return out;
}
