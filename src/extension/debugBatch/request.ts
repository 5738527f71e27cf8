/**
 * What "Send to Playground" sends: a variable from the Variables view, the selection, the loss call at the
 * cursor (both arguments and the loss's options) or the name at the cursor; or `{expression, role, rows}` from
 * a caller.
 */
import * as vscode from 'vscode';
import { liveOptions, ROLES, type Role, type SendItem, withDefaults } from '../../core/debugBatch';
import { resolve, seedFromFinding } from '../../core/explain';
import { isInteger, isRecord, isString, objectOf, oneOf, optional } from '../../core/playground/guards';
import { findingsAtCursor } from '../commands/cursor';
import type { CommandCtx } from '../commands/types';
import { loadEngine } from '../engine';
import { toRange } from '../ranges';
import type { SendRequest } from './send';

/** A request whose single value still needs a role from the user. */
export interface Wanted {
  request: SendRequest;
  /** A role guessed from the name, offered first; absent when the request already has its roles. */
  guess?: Role;
}

interface CallerArgs {
  expression?: string;
  role?: Role;
  rows?: number;
}
const isCallerArgs = objectOf<CallerArgs>({
  expression: optional(isString),
  role: optional(oneOf(ROLES)),
  rows: optional((v): v is number => isInteger(v) && (v as number) >= 1),
});

/** The Variables view passes `{container, variable: {name, evaluateName, …}}`. */
function variableExpression(args: unknown): string | undefined {
  if (!isRecord(args) || !isRecord(args.variable)) return undefined;
  const { evaluateName, name } = args.variable;
  return isString(evaluateName) ? evaluateName : isString(name) ? name : undefined;
}

export function guessRole(expression: string): Role {
  if (/weight/i.test(expression)) return 'weight';
  if (/target|label|(^|\W)y(\W|$)|_y$|^y_/i.test(expression)) return 'targets';
  return 'logits';
}

function single(expression: string, role: Role | undefined, rows?: number): Wanted {
  const request: SendRequest = { items: [{ role: role ?? guessRole(expression), expression }], rows };
  return role ? { request } : { request, guess: guessRole(expression) };
}

async function lossCallAtCursor(ctx: CommandCtx, rows: number | undefined): Promise<Wanted | undefined> {
  const at = await findingsAtCursor(ctx, true);
  const finding = at && [at.primary, ...at.related].find((f) => f.kind === 'loss');
  if (!at || !finding) return undefined;
  const call = loadEngine().lossCallValues(at.editor.document.getText(toRange(finding)), finding);
  if (!call.ok) return undefined;
  const { input, target, weight, callee } = call.value;
  const items: SendItem[] = [
    { role: 'logits', expression: input },
    { role: 'targets', expression: target },
  ];
  if (weight) items.push({ role: 'weight', expression: weight });
  const { classes: _classes, ...fromCode } = seedFromFinding(
    finding,
    resolve(finding, ctx.config.defaultEpsilon),
  );
  const options = withDefaults(finding, fromCode);
  const fromModule = weight === `${callee}.weight`;
  return {
    request: {
      items,
      options,
      liveOptions: liveOptions(finding, options, call.value),
      optional: fromModule ? ['weight'] : [],
      rows,
    },
  };
}

/** The request the command's arguments or the editor imply, or why there is nothing to send. */
export async function wantedFrom(ctx: CommandCtx, args: unknown): Promise<Wanted | string> {
  const fromView = variableExpression(args);
  if (fromView) return single(fromView, undefined);
  const caller = isCallerArgs(args) ? args : {};
  if (caller.expression) return single(caller.expression, caller.role, caller.rows);
  const editor = vscode.window.activeTextEditor;
  const selected = editor?.document.getText(editor.selection).trim();
  if (selected) return single(selected, caller.role, caller.rows);
  const call = await lossCallAtCursor(ctx, caller.rows);
  if (call) return call;
  const word = editor?.document.getWordRangeAtPosition(editor.selection.active, /[A-Za-z_][\w.]*/);
  if (editor && word) return single(editor.document.getText(word), caller.role, caller.rows);
  return 'select an expression, put the cursor on a name or a loss call, or use the Variables view.';
}
