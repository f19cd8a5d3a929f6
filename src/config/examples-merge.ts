import { isPlainObject, type PlainObject, put } from "./plain-object.ts";
import type { Locator, PathSegment, YamlSource } from "./yaml-source.ts";

/**
 * How the top-level `examples` key is loaded. It is merged by concatenation rather than overridden, so examples
 * written by hand and the file `soni optimize` writes (`90-du-examples.yaml`) add up:
 * `examples.flows.<flow>` lists and the `examples.turns` list are appended in file order.
 */

function concat(base: unknown, more: unknown): unknown {
  // Anything but two lists is left to the later file, so the schema reports it where written.
  return Array.isArray(base) && Array.isArray(more) ? [...base, ...more] : more;
}

export function mergeExamples(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: PlainObject = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === "flows" && isPlainObject(out.flows) && isPlainObject(value)) {
      const flows: PlainObject = { ...out.flows };
      for (const [flow, list] of Object.entries(value)) {
        put(flows, flow, Object.hasOwn(flows, flow) ? concat(flows[flow], list) : list);
      }
      out.flows = flows;
    } else if (key === "turns" && Object.hasOwn(out, "turns")) {
      out.turns = concat(out.turns, value);
    } else {
      put(out, key, value);
    }
  }
  return out;
}

/** The list at `path` inside one file, if there is one. */
function listIn(source: YamlSource, path: readonly PathSegment[]): unknown[] | undefined {
  let value: unknown = source.data;
  for (const segment of path) {
    if (!isPlainObject(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment as string];
  }
  return Array.isArray(value) ? value : undefined;
}

/**
 * A locator that understands concatenated example lists: item `i` of the merged
 * `examples.turns` (or `examples.flows.<flow>`) is found in the file that contributed it, at its
 * index there. Other paths go to `locate`.
 */
export function examplesAwareLocator(
  sources: readonly YamlSource[],
  locate: Locator,
  locateIn: (source: YamlSource) => Locator,
): Locator {
  return (path, options) => {
    if (path[0] !== "examples") return locate(path, options);
    const listPath =
      path[1] === "turns" ? path.slice(0, 2) : path[1] === "flows" ? path.slice(0, 3) : null;
    const index = listPath ? path[listPath.length] : undefined;
    if (!listPath || typeof index !== "number") return locate(path, options);
    let offset = index;
    for (const source of sources) {
      const list = listIn(source, listPath);
      if (!list) continue;
      if (offset < list.length) {
        return locateIn(source)([...listPath, offset, ...path.slice(listPath.length + 1)], options);
      }
      offset -= list.length;
    }
    return locate(path, options);
  };
}

/**
 * Takes the example a schema issue points at out of the merged data (salvage before semantic
 * checks, so the other examples are still checked). A broken turn becomes an inert placeholder,
 * so later turns keep their indices (and their problems their locations); anything else wrong
 * drops the whole section.
 */
export function dropBrokenExample(data: PlainObject, issuePath: readonly PathSegment[]): void {
  const examples = data.examples;
  const [, list, item] = issuePath;
  if (isPlainObject(examples) && list === "turns" && typeof item === "number") {
    if (Array.isArray(examples.turns) && item < examples.turns.length) {
      examples.turns[item] = { text: "(invalid example)", commands: [] };
      return;
    }
  }
  if (isPlainObject(examples) && list === "flows" && typeof item === "string") {
    if (isPlainObject(examples.flows) && Object.hasOwn(examples.flows, item)) {
      delete examples.flows[item];
      return;
    }
  }
  delete data.examples;
}
