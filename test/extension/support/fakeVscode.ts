/**
 * A stand-in `vscode` module for unit tests and the activation bench: every property is a callable,
 * constructible proxy, iteration yields nothing, and nothing is thenable.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';

const FAKE_ID = '\0fake-vscode';

function emptyIterator(): Iterator<never> {
  return { next: () => ({ done: true, value: undefined as never }) };
}

/** A value that accepts any property access, call or `new` and returns another such value. */
export function anything(): object {
  const cache = new Map<PropertyKey, unknown>();
  const handler: ProxyHandler<new () => object> = {
    get: (_target, key) => {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return emptyIterator;
      if (key === Symbol.toPrimitive) return () => '';
      if (!cache.has(key)) cache.set(key, anything());
      return cache.get(key);
    },
    set: (_target, key, value) => {
      cache.set(key, value);
      return true;
    },
    apply: () => anything(),
    construct: () => anything(),
  };
  // A class target: callable through `apply` and constructible through `construct`.
  return new Proxy(class {}, handler);
}

/** The API's top-level names, read from @types/vscode (bundlers copy a module's own keys, so they must exist). */
function apiNames(): string[] {
  const typings = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...typings.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)].map(
    (m) => m[1]!,
  );
}

/** A fake `vscode` module: every API name is an `anything()`. */
export function fakeVscodeApi(): Record<string, object> {
  return Object.fromEntries(apiNames().map((name) => [name, anything()]));
}

type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver };

/** Makes `require('vscode')` return `api` (a fresh fake by default). Idempotent. */
export function installFakeVscode(api: object = fakeVscodeApi()): void {
  if (require.cache[FAKE_ID]) return;
  const fake = new Module(FAKE_ID);
  fake.exports = api;
  fake.loaded = true;
  require.cache[FAKE_ID] = fake;
  const resolve = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (this: unknown, request, ...rest) {
    return request === 'vscode' ? FAKE_ID : resolve.call(this, request, ...rest);
  };
}
