/** Helpers for merging parsed YAML/JSON, where any key (even `__proto__`) is plain data. */

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Assignment that cannot reach a prototype, whatever the key (`__proto__` included). */
export function put(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
