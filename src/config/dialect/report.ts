import type { DomainProblem } from "../errors.ts";
import type { Locator, PathSegment } from "../yaml-source.ts";

export type Path = readonly PathSegment[];

/** Machine codes of the original-dialect warnings (docs/migrating-from-python.md lists them). */
export type DialectCode =
  | "dialect.action_call"
  | "dialect.collect_message"
  | "dialect.collect_validator"
  | "dialect.flow_target"
  | "dialect.end_target"
  | "dialect.while_exit_to"
  | "dialect.while_step_names"
  | "dialect.confirm_message"
  | "dialect.confirm_slot"
  | "dialect.branch_input"
  | "dialect.branch_target"
  | "dialect.branch_default_case"
  | "dialect.branch_evaluate"
  | "dialect.flow_process"
  | "dialect.flow_intent"
  | "dialect.flow_slots"
  | "dialect.flow_slot_collect"
  | "dialect.slot_type"
  | "dialect.slot_type_conflict"
  | "dialect.slot_ask"
  | "dialect.slot_normalization"
  | "dialect.yes_no_choices"
  | "dialect.loop_collect"
  | "dialect.settings_model"
  | "dialect.rephrase"
  | "dialect.logging_level"
  | "dialect.ignored_key"
  | "dialect.implicit_slot"
  | "dialect.implicit_action"
  | "dialect.implicit_output"
  | "dialect.action_inputs"
  | "dialect.expression"
  | "dialect.template";

/**
 * Collects the warnings of one normalisation. Locations are taken when reported, on the paths
 * of the document as written, so they stay right however the data is rewritten afterwards.
 */
export class DialectReport {
  readonly problems: DomainProblem[] = [];

  constructor(private readonly locate: Locator) {}

  warn(path: Path, code: DialectCode, message: string, key = false): void {
    this.problems.push({
      ...this.locate(path, { key }),
      message: `${message} (soni migrate rewrites it)`,
      severity: "warning",
      code,
    });
  }

  /** A reference the rewrite cannot resolve (a `while` naming a missing step). */
  error(path: Path, message: string): void {
    this.problems.push({ ...this.locate(path), message, severity: "error" });
  }

  get count(): number {
    return this.problems.length;
  }
}

/**
 * Where values of the rewritten document were written in the original one: a moved step, a
 * renamed key, a hoisted slot. Looked up by longest prefix, so errors found later on the
 * modern form still point at the original text.
 */
export class PathRemap {
  readonly #entries = new Map<string, Path>();

  record(modern: Path, original: Path): void {
    if (JSON.stringify(modern) !== JSON.stringify(original)) {
      this.#entries.set(JSON.stringify(modern), original);
    }
  }

  /**
   * `count` steps were put at the start of the `length` steps listed at `steps`: the entries
   * of those steps move down, and each step points back to where it was written.
   */
  shift(steps: Path, length: number, count: number): void {
    const prefix = JSON.stringify(steps).slice(0, -1);
    const moved = [...this.#entries].filter(([key]) => key.startsWith(`${prefix},`));
    for (const [key] of moved) this.#entries.delete(key);
    for (const [key, original] of moved) {
      const path = JSON.parse(key) as PathSegment[];
      const index = path[steps.length];
      if (typeof index === "number") path[steps.length] = index + count;
      this.#entries.set(JSON.stringify(path), original);
    }
    // Steps written where they are had no entry: each now points back to its written place.
    for (let i = length; i-- > 0; ) {
      const key = JSON.stringify([...steps, i + count]);
      if (!this.#entries.has(key)) this.#entries.set(key, this.map([...steps, i]));
    }
  }

  map(path: Path): Path {
    for (let length = path.length; length > 0; length--) {
      const original = this.#entries.get(JSON.stringify(path.slice(0, length)));
      if (original) return [...original, ...path.slice(length)];
    }
    return path;
  }

  locator(base: Locator): Locator {
    return (path, options) => base(this.map(path), options);
  }
}
