/**
 * A stand-in `vscode` module for unit tests and the activation bench: every property is a callable,
 * constructible proxy, iteration yields nothing, and nothing is thenable.
 */
import Module from 'node:module';

const FAKE_ID = '\0fake-vscode';

function emptyIterator(): Iterator<never> {
  return { next: () => ({ done: true, value: undefined as never }) };
}

/** A value that accepts any property access, call or `new` and returns another such value. */
export function anything(): object {
  const cache = new Map<PropertyKey, unknown>();
  const handler: ProxyHandler<() => void> = {
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
  return new Proxy(() => undefined, handler);
}

type Resolver = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolver };

/** Makes `require('vscode')` return `api` (a fresh `anything()` by default). Idempotent. */
export function installFakeVscode(api: object = anything()): void {
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
