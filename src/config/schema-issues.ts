import type { z } from "zod";
import { commandSchema } from "../protocol/commands.ts";
import type { DomainProblem } from "./errors.ts";
import { didYouMean } from "./hints.ts";
import { domainSchema, STEP_TYPES } from "./schema.ts";
import type { Locator, PathSegment } from "./yaml-source.ts";

type Issue = z.core.$ZodIssue;

const COMMAND_TYPES: readonly string[] = commandSchema.options.map((o) => o.shape.type.value);
type Path = readonly PathSegment[];

// Zod's schema definitions, walked only to list the keys an object accepts (for hints).
interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  options?: { _zod: { def: SchemaDef } }[];
  in?: { _zod: { def: SchemaDef } };
  getter?: () => { _zod: { def: SchemaDef } };
}

function unwrap(def: SchemaDef): SchemaDef {
  for (;;) {
    if (def.innerType) def = def.innerType._zod.def;
    else if (def.type === "pipe" && def.in) def = def.in._zod.def;
    else if (def.type === "lazy" && def.getter) def = def.getter()._zod.def;
    else return def;
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** The object schema that validates the value at `path` (steps resolved by their `type`). */
function objectSchemaAt(data: unknown, path: Path): SchemaDef | undefined {
  let def = unwrap((domainSchema as unknown as { _zod: { def: SchemaDef } })._zod.def);
  const pick = (d: SchemaDef, at: Path): SchemaDef => {
    if (d.type !== "union" || !d.options) return d;
    const type = (valueAt(data, at) as { type?: unknown } | undefined)?.type;
    const match = d.options.find((o) => {
      const literal = unwrap(o._zod.def).shape?.type?._zod.def as
        | { values?: unknown[] }
        | undefined;
      return literal?.values?.includes(type);
    });
    return match ? unwrap(match._zod.def) : d;
  };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let next: { _zod: { def: SchemaDef } } | undefined;
    if (def.type === "object") next = def.shape?.[segment];
    else if (def.type === "record") next = def.valueType;
    else if (def.type === "array") next = def.element;
    if (!next) return undefined;
    def = pick(unwrap(next._zod.def), path.slice(0, i + 1));
  }
  return def.type === "object" ? def : undefined;
}

function typeName(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value === "string" ? "text" : `a ${typeof value}`} (${JSON.stringify(value)})`;
}

/**
 * Names the place a path points to the way an author thinks of it:
 * `flow 'send_money', step 'ask_account', key 'slot'` rather than `flows.send_money.steps.1.slot`.
 */
export function describePath(data: unknown, path: Path): string {
  const [section, name] = path;
  const singular: Record<string, string> = { slots: "slot", actions: "action", flows: "flow" };
  if (typeof section === "string" && singular[section] && name !== undefined) {
    let where = `${singular[section]} '${name}'`;
    let rest = path.slice(2);
    while ((rest[0] === "steps" || rest[0] === "do") && typeof rest[1] === "number") {
      const consumed = path.slice(0, path.length - rest.length + 2);
      const id = (valueAt(data, consumed) as { step?: unknown } | undefined)?.step;
      where += typeof id === "string" ? `, step '${id}'` : `, step #${rest[1] + 1}`;
      rest = rest.slice(2);
    }
    return rest.length ? `${where}, ${rest.join(".")}` : where;
  }
  return path.length ? path.join(".") : "the domain";
}

const EXPECTED_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "text",
};

function expectedName(expected: string | undefined): string {
  return EXPECTED_NAMES[expected ?? ""] ?? expected ?? "something else";
}

/** `text, number or a mapping` */
function alternatives(expected: readonly string[]): string {
  const names = [...new Set(expected.map(expectedName))];
  return names.length > 1
    ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`
    : (names[0] ?? "");
}

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

/** Turns zod issues into located problems with hints (nearest key, nearest step type). */
export function schemaProblems(
  issues: readonly Issue[],
  data: unknown,
  locate: Locator,
): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const add = (path: Path, message: string, key = false) => {
    problems.push({ ...locate(path, { key }), message, severity: "error" });
  };

  const visit = (issue: Issue, prefix: Path) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    const where = describePath(data, path);
    const value = valueAt(data, path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const valid = Object.keys(objectSchemaAt(data, path)?.shape ?? {});
        for (const key of issue.keys) {
          const hint =
            didYouMean(key, valid) || (valid.length ? ` (valid keys: ${valid.join(", ")})` : "");
          add([...path, key], `${where}: unknown key '${key}'${hint}`, true);
        }
        return;
      }
      case "invalid_union": {
        if (issue.discriminator === "type" && issue.errors.length === 0) {
          // The other union on `type` is the commands of example turns.
          const kind = path[0] === "examples" ? "command" : "step";
          const types = kind === "command" ? COMMAND_TYPES : STEP_TYPES;
          const hint = typeof value === "string" ? didYouMean(value, types) : "";
          const what =
            value === undefined
              ? `a ${kind} needs a 'type'`
              : `unknown ${kind} type ${typeof value === "string" ? `'${value}'` : typeName(value)}`;
          const step = describePath(data, path.slice(0, -1));
          const at = value === undefined ? path.slice(0, -1) : path;
          add(at, `${step}: ${what}${hint} (${kind} types: ${types.join(", ")})`);
          return;
        }
        const branches = (issue.errors ?? []) as Issue[][];
        const shallow = branches.every(
          (b) => b.length === 1 && b[0]!.code === "invalid_type" && b[0]!.path.length === 0,
        );
        if (!shallow) {
          // One alternative got further than the others: its complaints are the useful ones.
          const deepest = branches
            .filter(
              (b) => !(b.length === 1 && b[0]!.code === "invalid_type" && b[0]!.path.length === 0),
            )
            .sort((a, b) => a.length - b.length)[0];
          if (deepest) {
            for (const inner of deepest) visit(inner, path);
            return;
          }
        }
        const expected = branches.map(
          (b) => (b[0] as { expected?: string } | undefined)?.expected ?? "",
        );
        add(path, `${where}: expected ${alternatives(expected)}, found ${typeName(value)}`);
        return;
      }
      case "invalid_value": {
        const hint = typeof value === "string" ? didYouMean(value, issue.values.map(String)) : "";
        const shown = typeof value === "string" ? `'${value}'` : typeName(value);
        add(
          path,
          `${where}: ${shown} is not allowed; expected one of ${list(issue.values)}${hint}`,
        );
        return;
      }
      case "invalid_type":
        if (value === undefined && path.length > 0) {
          add(
            path.slice(0, -1),
            `${describePath(data, path.slice(0, -1))}: missing required key '${String(path.at(-1))}'`,
          );
        } else {
          add(path, `${where}: expected ${expectedName(issue.expected)}, found ${typeName(value)}`);
        }
        return;
      case "invalid_key": {
        const reason = issue.issues.map((i) => i.message).join("; ");
        add(
          path,
          `${describePath(data, path.slice(0, -1))}: '${String(path.at(-1))}' is not a valid name: ${reason}`,
          true,
        );
        return;
      }
      case "invalid_format":
        add(path, `${where}: ${typeName(value)} ${issue.message}`);
        return;
      case "too_small":
        add(
          path,
          issue.origin === "array"
            ? `${where}: needs at least ${issue.minimum} item(s)`
            : `${where}: must be at least ${issue.minimum}, found ${typeName(value)}`,
        );
        return;
      case "too_big":
        add(path, `${where}: must be at most ${issue.maximum}, found ${typeName(value)}`);
        return;
      default:
        add(path, `${where}: ${issue.message}`);
    }
  };

  for (const issue of issues) visit(issue, []);
  return problems;
}
