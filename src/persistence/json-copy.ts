/**
 * A deep copy of JSON data (what a DialogueState or TurnRecord is), several times cheaper than
 * `structuredClone` or a JSON round trip for conversation-sized objects: the memory store copies
 * on every load and save, so this is on the hot path of every turn.
 *
 * Same result as `JSON.parse(JSON.stringify(value))` for JSON data (`undefined` properties are
 * dropped), but anything that is not JSON data (a function, a bigint, a Date, a Map, a class
 * instance, a cycle) is refused with a TypeError naming where it is, instead of being silently
 * changed.
 */
export function copyJson<T>(value: T): T {
  try {
    return fastCopy(value, 0) as T;
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    // Something is not JSON data: the careful copy finds where, for the error message.
    return copy(value, []) as T;
  }
}

/**
 * `value` itself when it is plain JSON data already (checked without copying), else what
 * `copyJson` makes of it (NaN as null, ...) or its TypeError: for a store keeping objects handed
 * over to it, the same acceptance as a copy at a fraction of the cost.
 */
export function asJsonData<T>(value: T): T {
  try {
    isPlain(value, 0);
    return value;
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return copy(value, []) as T;
  }
}

/** `value`, found `depth` levels down, passes fastCopy's checks (`asJsonData` would keep it). */
export function isJsonData(value: unknown, depth = 0): boolean {
  try {
    isPlain(value, depth);
    return true;
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return false;
  }
}

/** fastCopy's checks without the copy; throws NOT_PLAIN where fastCopy would. */
function isPlain(value: unknown, depth: number): void {
  if (typeof value !== "object") {
    if (typeof value === "string" || typeof value === "boolean") return;
    if (typeof value === "number" && Number.isFinite(value)) return;
    throw NOT_PLAIN;
  }
  if (value === null) return;
  if (depth > CYCLE_CHECK_DEPTH) throw NOT_PLAIN;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) throw NOT_PLAIN;
      isPlain(item, depth + 1);
    }
    return;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    // An undefined property is dropped by a copy: the object as it is would keep it.
    if (item === undefined || key === "__proto__" || !Object.hasOwn(value, key)) throw NOT_PLAIN;
    isPlain(item, depth + 1);
  }
}

/** Thrown by the fast copy at anything it does not copy itself; never escapes copyJson. */
const NOT_PLAIN = Symbol("not plain JSON data");

/** The copy for well-formed data (every turn): no path bookkeeping, no cycle check. */
function fastCopy(value: unknown, depth: number): unknown {
  if (typeof value !== "object") {
    if (typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    throw NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth > CYCLE_CHECK_DEPTH) throw NOT_PLAIN;
  if (Array.isArray(value)) {
    const array = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) throw NOT_PLAIN;
      array[i] = fastCopy(item, depth + 1);
    }
    return array;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
  const record: Record<string, unknown> = {};
  // for-in walks V8's cached key list without making an array (Object.keys does, per object);
  // an inherited key (a polluted Object.prototype) leaves it to the careful copy.
  for (const key in value) {
    if (!Object.hasOwn(value, key) || key === "__proto__") throw NOT_PLAIN;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    record[key] = fastCopy(item, depth + 1);
  }
  return record;
}

/** Deeper than this, the copy checks for cycles (conversation states are a few levels deep). */
const CYCLE_CHECK_DEPTH = 64;

/** `parents`: the objects above `value`, whose keys also make the path named in errors. */
function copy(value: unknown, parents: Array<{ object: object; key: string | number }>): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // As JSON would store it: NaN and Infinity become null.
      return Number.isFinite(value) ? value : null;
    case "object":
      break;
    default:
      throw new TypeError(`${pathOf(parents)} is a ${typeof value}, which is not JSON data`);
  }
  const object = value as object;
  if (parents.length > CYCLE_CHECK_DEPTH && parents.some((p) => p.object === object)) {
    throw new TypeError(`${pathOf(parents)} refers back to itself (a cycle)`);
  }
  const frame = { object, key: 0 as string | number };
  parents.push(frame);
  let out: unknown;
  if (Array.isArray(object)) {
    const array = new Array<unknown>(object.length);
    for (let i = 0; i < object.length; i++) {
      const item: unknown = object[i];
      frame.key = i;
      // JSON stores a missing array item as null.
      array[i] = item === undefined ? null : copy(item, parents);
    }
    out = array;
  } else {
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      parents.pop();
      const kind = (proto as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new TypeError(`${pathOf(parents)} is a ${kind}, which is not JSON data`);
    }
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      const item = (object as Record<string, unknown>)[key];
      if (item === undefined) continue;
      frame.key = key;
      const copied = copy(item, parents);
      // A "__proto__" key is data here, as JSON.parse makes it, never the object's prototype.
      if (key === "__proto__") {
        Object.defineProperty(record, key, {
          value: copied,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        record[key] = copied;
      }
    }
    out = record;
  }
  parents.pop();
  return out;
}

/** `$.flow_stack[0].slots.amount`: where the copy stands, for error messages only. */
function pathOf(parents: ReadonlyArray<{ key: string | number }>): string {
  return parents
    .map((p) => (typeof p.key === "number" ? `[${p.key}]` : `.${p.key}`))
    .reduce((path, part) => path + part, "$");
}
