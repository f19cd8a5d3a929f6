import { compileExpression } from "../expression.ts";
import { isPlainObject, type PlainObject, put } from "../plain-object.ts";
import { templateSlots } from "../template.ts";
import type { DialectReport, Path, PathRemap } from "./report.ts";
import type { CollectSetting } from "./steps.ts";

type Role = "collect" | "confirm" | "output" | "reference";

interface Use {
  roles: Set<Role>;
  first: Path;
}

/**
 * The original declares names by using them: slots a step sets, maps, confirms, branches on or
 * mentions in a template or condition, and actions a step calls. Each becomes a declaration
 * (slots `any`, action outputs internal unless collected; actions receive every slot of the flow), with a
 * warning naming it. Runs on the rewritten flows; `remap` turns their paths into written ones.
 */
export function declareImplicitNames(
  data: PlainObject,
  report: DialectReport,
  remap: PathRemap,
  collectSettings: readonly CollectSetting[],
): void {
  if (!isPlainObject(data.slots)) put(data, "slots", {});
  if (!isPlainObject(data.actions)) put(data, "actions", {});
  const slots = data.slots as PlainObject;
  const actions = data.actions as PlainObject;
  const written = (path: Path) => remap.map(path);
  const uses = new Map<string, Use>();
  const use = (name: string, role: Role, path: Path) => {
    const entry = uses.get(name) ?? { roles: new Set<Role>(), first: path };
    entry.roles.add(role);
    uses.set(name, entry);
  };
  const template = (source: unknown, path: Path) => {
    if (typeof source !== "string") return;
    try {
      for (const name of templateSlots(source)) use(name, "reference", path);
    } catch {
      // A malformed template is reported by validation.
    }
  };
  const expression = (source: unknown, path: Path) => {
    if (typeof source !== "string") return;
    try {
      for (const name of compileExpression(source).identifiers()) use(name, "reference", path);
    } catch {
      // Same: validation reports it.
    }
  };
  /** Per action: outputs its steps map, and the first step calling it. */
  const called = new Map<string, { outputs: Set<string>; first: Path }>();
  /** Slots collected somewhere, and slots whose branch cases are exactly yes / no. */
  const collected = new Set<string>();
  const yesNoBranches = new Map<string, Path>();

  const visit = (steps: unknown, at: Path) => {
    if (!Array.isArray(steps)) return;
    steps.forEach((step, i) => {
      if (!isPlainObject(step)) return;
      const path = [...at, i];
      expression(step.condition, [...path, "condition"]);
      switch (step.type) {
        case "say":
          template(step.message, [...path, "message"]);
          break;
        case "collect":
          if (typeof step.slot === "string") {
            use(step.slot, "collect", [...path, "slot"]);
            collected.add(step.slot);
          }
          template(step.prompt, [...path, "prompt"]);
          break;
        case "confirm":
          if (typeof step.slot === "string") use(step.slot, "confirm", [...path, "slot"]);
          template(step.message, [...path, "message"]);
          break;
        case "set":
          if (isPlainObject(step.slots)) {
            for (const [name, value] of Object.entries(step.slots)) {
              use(name, "reference", [...path, "slots", name]);
              if (isPlainObject(value)) expression(value.expr, [...path, "slots", name, "expr"]);
              else template(value, [...path, "slots", name]);
            }
          }
          break;
        case "branch":
          if (typeof step.slot === "string") {
            use(step.slot, "reference", [...path, "slot"]);
            const keys = isPlainObject(step.cases)
              ? Object.keys(step.cases).map((k) => k.toLowerCase())
              : [];
            if (keys.length === 2 && keys.includes("yes") && keys.includes("no")) {
              yesNoBranches.set(step.slot, [...path, "cases"]);
            }
          }
          expression(step.if, [...path, "if"]);
          break;
        case "while":
          expression(step.condition, [...path, "condition"]);
          visit(step.do, [...path, "do"]);
          break;
        case "action": {
          if (typeof step.action !== "string") break;
          const entry = called.get(step.action) ?? {
            outputs: new Set<string>(),
            first: [...path, "action"],
          };
          if (isPlainObject(step.map_outputs)) {
            for (const [output, slot] of Object.entries(step.map_outputs)) {
              entry.outputs.add(output);
              if (typeof slot === "string") use(slot, "output", [...path, "map_outputs", output]);
            }
          }
          called.set(step.action, entry);
          break;
        }
      }
    });
  };
  if (isPlainObject(data.flows)) {
    for (const [name, flow] of Object.entries(data.flows)) {
      if (!isPlainObject(flow)) continue;
      const intents = isPlainObject(flow.trigger) ? flow.trigger.intents : undefined;
      if (Array.isArray(intents))
        intents.forEach((intent, i) => {
          template(intent, ["flows", name, "trigger", "intents", i]);
        });
      visit(flow.steps, ["flows", name, "steps"]);
    }
  }

  for (const [name, action] of Object.entries(actions)) {
    if (!isPlainObject(action)) continue;
    const at = ["actions", name];
    if (!Object.hasOwn(action, "inputs")) {
      put(action, "inputs", "all");
      report.warn(
        at,
        "dialect.action_inputs",
        `action '${name}' declares no inputs, so its handler receives every slot of the calling flow: written 'inputs: all'`,
        true,
      );
    }
    if (Array.isArray(action.inputs)) {
      action.inputs.forEach((input, i) => {
        if (typeof input === "string") use(input, "reference", [...at, "inputs", i]);
      });
    }
    const mapped = called.get(name)?.outputs ?? new Set<string>();
    const outputs = Array.isArray(action.outputs) ? action.outputs : [];
    for (const output of mapped) {
      if (outputs.includes(output)) continue;
      outputs.push(output);
      report.warn(
        written(called.get(name)!.first),
        "dialect.implicit_output",
        `action '${name}': output '${output}' is mapped but not declared; declared under actions.${name}.outputs`,
      );
    }
    if (mapped.size) put(action, "outputs", outputs);
  }
  for (const [name, entry] of called) {
    if (Object.hasOwn(actions, name)) continue;
    put(actions, name, { inputs: "all", outputs: [...entry.outputs] });
    remap.record(["actions", name], written(entry.first));
    report.warn(
      written(entry.first),
      "dialect.implicit_action",
      `action '${name}' is not declared; declared implicitly under actions: (inputs: all, outputs: what its steps map)`,
    );
  }

  for (const [name, entry] of uses) {
    if (Object.hasOwn(slots, name)) continue;
    const { roles } = entry;
    const slot: PlainObject = roles.has("collect")
      ? { type: "string" }
      : roles.has("confirm")
        ? { type: "boolean" }
        : { type: "any" };
    if (roles.has("output") && !roles.has("collect")) put(slot, "internal", true);
    put(slots, name, slot);
    remap.record(["slots", name], written(entry.first));
    report.warn(
      written(entry.first),
      "dialect.implicit_slot",
      `slot '${name}' is not declared; declared implicitly under slots: as ${String(slot.type)}${slot.internal ? " (internal)" : ""}`,
    );
  }

  for (const setting of collectSettings) {
    const slot = slots[setting.slot];
    if (isPlainObject(slot) && !Object.hasOwn(slot, setting.key))
      put(slot, setting.key, setting.value);
  }

  for (const [name, at] of yesNoBranches) {
    const slot = slots[name];
    if (!collected.has(name) || !isPlainObject(slot) || Object.hasOwn(slot, "choices")) continue;
    if (slot.type !== undefined && slot.type !== "string") continue;
    put(slot, "choices", ["yes", "no"]);
    report.warn(
      written(at),
      "dialect.yes_no_choices",
      `slot '${name}' is branched on "yes" / "no": it takes those answers as 'choices: [yes, no]'`,
    );
  }
}
