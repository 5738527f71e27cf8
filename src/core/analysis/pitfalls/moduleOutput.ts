import type { SyntaxNode } from '@lezer/common';
import { findDefinition, type ModuleContext, qualify } from '../bind';
import type { CallExpr } from '../report';
import { bodyStatements, type Expr, type Stmt, toExpr } from '../syntax';
import { lastAssignment } from './resolve';

/** What calling a module returns, judged from its last layer. */
export type ModuleOutput = 'logits' | 'sigmoid' | 'softmax' | 'log_softmax';

const LINEAR_LAYERS = /^(?:Lazy)?(?:Linear|Bilinear|Conv[123]d|ConvTranspose[123]d)$/;
const ACTIVATIONS: Record<string, ModuleOutput> = {
  Sigmoid: 'sigmoid',
  Hardsigmoid: 'sigmoid',
  Softmax: 'softmax',
  Softmax2d: 'softmax',
  LogSoftmax: 'log_softmax',
};
/** Last layers that keep the meaning of what comes before them. */
const PASS_THROUGH = new Set(['Dropout', 'Dropout1d', 'Dropout2d', 'Dropout3d', 'Flatten', 'Identity']);
/** Calls that return the same module (`model.to(device)`, `model.eval()`). */
const SAME_MODULE = new Set([
  'to',
  'cuda',
  'cpu',
  'eval',
  'train',
  'float',
  'double',
  'half',
  'requires_grad_',
]);
/** A model class that applies one of these anywhere may well output probabilities. */
const PROBABILITY_LAYER = /\b(?:Sigmoid|Softmax|sigmoid|softmax|Hardsigmoid|hardsigmoid)\b/;
const MAX_DEPTH = 6;

/**
 * What `fn(x)` returns when `fn` is a module built in this file: a torch layer (`nn.Linear` → logits,
 * `nn.Softmax` → softmax), an `nn.Sequential` (its last layer), or a class of this file (logits when it applies
 * no sigmoid/softmax anywhere). Followed through locals, module-level names and `self.attr` set in the class.
 * Null when the module's construction is not visible.
 */
export function moduleOutput(fn: Expr, node: SyntaxNode, mod: ModuleContext, depth = 0): ModuleOutput | null {
  if (depth > MAX_DEPTH) return null;
  const built = construction(fn, node, mod);
  if (!built) return null;
  const { value, scope } = built;
  if (value.kind === 'call' && value.fn.kind === 'attr' && SAME_MODULE.has(value.fn.name))
    return moduleOutput(value.fn.obj, scope, mod, depth + 1);
  if (value.kind === 'name') return moduleOutput(value, scope, mod, depth + 1);
  return value.kind === 'call' ? constructedOutput(value, scope, mod, depth) : null;
}

function constructedOutput(
  call: CallExpr,
  scope: SyntaxNode,
  mod: ModuleContext,
  depth: number,
): ModuleOutput | null {
  const qualified = qualify(call.fn, mod);
  if (qualified?.startsWith('torch.nn.')) {
    const layer = qualified.slice(qualified.lastIndexOf('.') + 1);
    if (layer === 'Sequential') return sequentialOutput(call, scope, mod, depth);
    return LINEAR_LAYERS.test(layer) ? 'logits' : (ACTIVATIONS[layer] ?? null);
  }
  if (call.fn.kind !== 'name') return null;
  const cls = findDefinition(mod, call.fn.id, call.from, 'class');
  return cls && !PROBABILITY_LAYER.test(mod.text.slice(cls.node.from, cls.node.to)) ? 'logits' : null;
}

/** The output of an `nn.Sequential(...)`: that of its last layer, skipping dropout/flatten/identity. */
function sequentialOutput(
  call: CallExpr,
  scope: SyntaxNode,
  mod: ModuleContext,
  depth: number,
): ModuleOutput | null {
  const layers = call.args.filter((a) => !a.name);
  if (layers.some((a) => a.star)) return null;
  for (const { value } of layers.reverse()) {
    if (value.kind !== 'call') return moduleOutput(value, scope, mod, depth + 1);
    const name = qualify(value.fn, mod);
    if (!PASS_THROUGH.has(name?.slice(name.lastIndexOf('.') + 1) ?? ''))
      return constructedOutput(value, scope, mod, depth + 1);
  }
  return null;
}

/**
 * The expression `fn` was bound to, and the statement binding it: that expression's own names are resolved from
 * there (so `model = model.to(device)` looks further back).
 */
function construction(
  fn: Expr,
  node: SyntaxNode,
  mod: ModuleContext,
): { value: Expr; scope: SyntaxNode } | null {
  if (fn.kind === 'call') return { value: fn, scope: node };
  if (fn.kind === 'attr' && fn.obj.kind === 'name' && fn.obj.id === 'self') {
    const value = selfAssignment(fn.name, node, mod.text);
    return value ? { value, scope: statementAt(node, value.from) } : null;
  }
  if (fn.kind !== 'name') return null;
  const local = lastAssignment(fn.id, node, mod);
  if (local) return { value: local, scope: statementAt(node, local.from) };
  const global = mod.bindingCalls.get(fn.id)?.at(-1);
  return global ? { value: toExpr(global, mod.text), scope: statementAt(global, global.from) } : null;
}

/** The value first assigned to `self.<name>` in the methods of the class around `node`. */
function selfAssignment(name: string, node: SyntaxNode, text: string): Expr | null {
  let cls: SyntaxNode | null = node.parent;
  while (cls && cls.name !== 'ClassDefinition') cls = cls.parent;
  const body = cls?.getChild('Body');
  if (!body) return null;
  const isSelf = (t: Expr) =>
    t.kind === 'attr' && t.name === name && t.obj.kind === 'name' && t.obj.id === 'self';
  const find = (stmts: Stmt[]): Expr | null => {
    for (const st of stmts) {
      if (st.kind === 'assign' && st.targets.some(isSelf)) return st.value;
      const inner = st.kind === 'def' ? [bodyOf(st.node, text)] : st.kind === 'block' ? st.bodies : [];
      for (const stmts of inner) {
        const found = find(stmts);
        if (found) return found;
      }
    }
    return null;
  };
  return find(bodyStatements(body, text));
}

function bodyOf(def: SyntaxNode, text: string): Stmt[] {
  const body = def.getChild('Body');
  return body ? bodyStatements(body, text) : [];
}

/** The statement around `pos`, in the tree that holds `node`. */
function statementAt(node: SyntaxNode, pos: number): SyntaxNode {
  let root = node;
  while (root.parent) root = root.parent;
  let at: SyntaxNode = root.resolveInner(pos, 1);
  while (at.parent && !at.name.endsWith('Statement')) at = at.parent;
  return at;
}
