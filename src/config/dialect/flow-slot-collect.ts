import { compileExpression } from "../expression.ts";
import { isPlainObject, type PlainObject } from "../plain-object.ts";
import { templateSlots } from "../template.ts";
import type { DialectReport, Path, PathRemap } from "./report.ts";

/** A slot of a flow-level `slots:` list: its name, definition and where it is written. */
export interface FlowSlotEntry {
  name: string;
  slot: PlainObject;
  at: Path;
}

/**
 * The original's model filled a flow-level slot from the request itself; a flow that reads
 * such a slot (in a template, a condition or a branch) but never collects, sets or maps it
 * would read it empty here. A collect step for it goes at the start of the flow: it is skipped
 * when the request gave the value and asks otherwise (the slot's description, when it is a
 * question, is the prompt). Paths of the flow's steps shift in `remap`.
 */
export function collectReadFlowSlots(
  flowName: string,
  flow: PlainObject,
  entries: readonly FlowSlotEntry[],
  report: DialectReport,
  remap: PathRemap,
): void {
  if (!Array.isArray(flow.steps)) return;
  const { read, filled, ids } = usage(flow.steps);
  const missing = entries.filter(
    (e, i) =>
      read.has(e.name) &&
      !filled.has(e.name) &&
      entries.findIndex((other) => other.name === e.name) === i,
  );
  if (missing.length === 0) return;
  const stepsAt = ["flows", flowName, "steps"];
  remap.shift(stepsAt, flow.steps.length, missing.length);
  const added = missing.map((entry, i) => {
    let id = `collect_${entry.name}`;
    for (let n = 2; ids.has(id); n++) id = `collect_${entry.name}_${n}`;
    ids.add(id);
    const step: PlainObject = { step: id, type: "collect", slot: entry.name };
    const description = entry.slot.description;
    if (typeof description === "string" && description.trim().endsWith("?")) {
      step.prompt = description.trim();
    }
    remap.record([...stepsAt, i], entry.at);
    report.warn(
      entry.at,
      "dialect.flow_slot_collect",
      `flow '${flowName}': slot '${entry.name}' is read but never collected, set or mapped by the flow (the original's model took it from the request): it takes a collect step '${id}' at the flow's start, skipped when the request gives the value`,
    );
    return step;
  });
  flow.steps.unshift(...added);
}

/** Slots the steps read and fill, and the step ids in use, through loop bodies. */
function usage(steps: unknown[]): { read: Set<string>; filled: Set<string>; ids: Set<string> } {
  const read = new Set<string>();
  const filled = new Set<string>();
  const ids = new Set<string>();
  const template = (source: unknown) => {
    if (typeof source !== "string") return;
    try {
      for (const name of templateSlots(source)) read.add(name);
    } catch {
      // A malformed template is reported by validation.
    }
  };
  const expression = (source: unknown) => {
    if (typeof source !== "string") return;
    try {
      for (const name of compileExpression(source).identifiers()) read.add(name);
    } catch {
      // Same: validation reports it.
    }
  };
  const visit = (list: unknown[]) => {
    for (const step of list) {
      if (!isPlainObject(step)) continue;
      if (typeof step.step === "string") ids.add(step.step);
      expression(step.condition);
      expression(step.if);
      template(step.message);
      template(step.prompt);
      if (typeof step.slot === "string") {
        if (step.type === "branch") read.add(step.slot);
        else filled.add(step.slot);
      }
      if (isPlainObject(step.slots)) {
        for (const [name, value] of Object.entries(step.slots)) {
          filled.add(name);
          template(value);
        }
      }
      if (isPlainObject(step.map_outputs)) {
        for (const slot of Object.values(step.map_outputs))
          if (typeof slot === "string") filled.add(slot);
      }
      if (Array.isArray(step.do)) visit(step.do);
    }
  };
  visit(steps);
  return { read, filled, ids };
}
