/** Tiny runtime type guards for messages and persisted state (no dependencies, usable on both sides). */
export type Guard<T> = (value: unknown) => value is T;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString: Guard<string> = (value): value is string => typeof value === 'string';

export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

export const isFiniteNumber: Guard<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isInteger: Guard<number> = (value): value is number => Number.isInteger(value);

export function oneOf<const T extends string>(values: readonly T[]): Guard<T> {
  return (value): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value): value is T | undefined => value === undefined || guard(value);
}

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

export function maxLength(limit: number): Guard<string> {
  return (value): value is string => typeof value === 'string' && value.length <= limit;
}

export function inRange(lo: number, hi: number): Guard<number> {
  return (value): value is number => isFiniteNumber(value) && value >= lo && value <= hi;
}

export function arrayOf<T>(guard: Guard<T>, limit = Number.POSITIVE_INFINITY): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.length <= limit && value.every(guard);
}

/** `record[key]` if the record itself has it; never a member inherited from `Object.prototype` (`constructor`…). */
export const ownValue = (record: object, key: string): unknown =>
  Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;

/** An object with exactly these keys (unknown keys are rejected); optional fields use `optional(...)`. */
export function objectOf<T extends object>(fields: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return (value): value is T =>
    isRecord(value) &&
    Object.keys(value).every((k) => Object.hasOwn(fields, k)) &&
    keys.every((k) => fields[k](ownValue(value, k)));
}
