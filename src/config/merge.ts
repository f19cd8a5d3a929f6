import { type DomainProblem, displayPath } from "./errors.ts";
import { mergeExamples } from "./examples-merge.ts";
import { isPlainObject, type PlainObject, put } from "./plain-object.ts";
import type { Locator, YamlSource } from "./yaml-source.ts";

/** Maps merged by name: a name defined in two files is an error naming both places. */
const BY_NAME = new Set(["slots", "actions", "flows"]);
/** Maps deep-merged: later files override earlier values (e.g. a local settings file). */
const DEEP = new Set(["settings", "patterns", "vocabulary"]);

function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: PlainObject = {};
  for (const [k, v] of Object.entries(base)) put(out, k, v);
  for (const [k, v] of Object.entries(override)) {
    put(out, k, Object.hasOwn(out, k) ? deepMerge(out[k], v) : v);
  }
  return out;
}

function typeName(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}

/**
 * Merges the files of a domain directory, in the order given, into one document.
 * Unknown top-level keys are kept so schema validation reports them where they were written.
 */
export function mergeSources(
  sources: readonly YamlSource[],
  locate: (source: YamlSource) => Locator,
): { data: PlainObject; problems: DomainProblem[] } {
  const data: PlainObject = {};
  const problems: DomainProblem[] = [];
  /** Which file defined `section.name` first. */
  const origins = new Map<string, YamlSource>();

  for (const source of sources) {
    const doc = source.data;
    if (doc === null || doc === undefined) continue;
    const at = locate(source);
    if (!isPlainObject(doc)) {
      problems.push({
        ...at([]),
        message: `a domain file must be a mapping with keys like slots, actions, flows; found ${typeName(doc)}`,
        severity: "error",
      });
      continue;
    }
    for (const [section, value] of Object.entries(doc)) {
      if (BY_NAME.has(section)) {
        if (value === null) continue;
        if (!isPlainObject(value)) {
          problems.push({
            ...at([section]),
            message: `'${section}' must be a mapping of name -> definition; found ${typeName(value)}`,
            severity: "error",
          });
          continue;
        }
        const target = (data[section] as PlainObject | undefined) ?? {};
        put(data, section, target);
        for (const [name, definition] of Object.entries(value)) {
          const id = `${section}.${name}`;
          const first = origins.get(id);
          if (first) {
            const { line, column } = locate(first)([section, name], { key: true });
            const what = section.slice(0, -1);
            problems.push({
              ...at([section, name], { key: true }),
              message: `${what} '${name}' is already defined at ${displayPath(first.file)}:${line}:${column}; rename or remove one of them`,
              severity: "error",
            });
            continue;
          }
          origins.set(id, source);
          put(target, name, definition);
        }
      } else if (section === "examples") {
        put(
          data,
          section,
          Object.hasOwn(data, section) ? mergeExamples(data[section], value) : value,
        );
      } else if (DEEP.has(section)) {
        put(data, section, Object.hasOwn(data, section) ? deepMerge(data[section], value) : value);
      } else {
        put(data, section, value);
      }
    }
  }
  return { data, problems };
}
