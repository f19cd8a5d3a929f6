import type { DomainProblem, Severity } from "./errors.ts";
import { compileExpression, ExpressionError } from "./expression.ts";
import { END, type FlowGraph, type StepNode, successors, waitsForUser } from "./flow-graph.ts";
import { didYouMean } from "./hints.ts";
import type { SourceLocation } from "./loaded-domain.ts";
import {
  DEFAULT_LEASE_TTL_MS,
  DEFAULT_LEASE_WAIT_MS,
  type Domain,
  type FlowDefinition,
  type SlotDefinition,
  type SlotType,
  type Step,
} from "./schema.ts";
import { describePath } from "./schema-issues.ts";
import { slotExtract } from "./slot-kind.ts";
import { TemplateError, templateSlots } from "./template.ts";
import { validateExamples } from "./validate-examples.ts";
import { validateSlotKind } from "./validate-slot-kinds.ts";
import type { Locator, PathSegment } from "./yaml-source.ts";

type Path = readonly PathSegment[];

/** Placeholders pattern messages may use besides slot names (the DM fills them in). */
export const PATTERN_VARIABLES: readonly string[] = [
  "flow",
  "slot",
  "value",
  "explanation",
  "capabilities",
  "action",
  "error",
];

/** Placeholders a slot's validation_error_message may use besides slot names. */
export const VALIDATION_MESSAGE_VARIABLES: readonly string[] = ["value", "slot"];

/**
 * Names an object already has through its prototype. Domain names become object keys all over
 * the runtime, so a slot called `constructor` or `__proto__` would be an accident waiting to happen.
 */
const RESERVED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface ValidationContext {
  locate: Locator;
  /** Where character `offset` of the string at `path` is (errors inside expressions/templates). */
  locateOffset?: (path: Path, offset: number) => SourceLocation;
  /**
   * Names that are defined but were dropped because their definitions are invalid (already
   * reported): references to them are not reported again as undefined.
   */
  invalid?: {
    slots?: ReadonlySet<string>;
    actions?: ReadonlySet<string>;
    flows?: ReadonlySet<string>;
  };
  /**
   * Per flow, ids of steps replaced by placeholders because their definitions are invalid:
   * checks that depend on what those steps do (loops, provided inputs) are skipped.
   */
  brokenSteps?: ReadonlyMap<string, ReadonlySet<string>>;
}

interface StepAt {
  step: Step;
  path: Path;
}

const CHOICE_TYPES: Record<SlotType, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  date: (v) => typeof v === "string",
  integer: (v) => typeof v === "number" && Number.isInteger(v),
  float: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  any: () => true,
  list: (v) => typeof v === "string",
};

function stepsWithPaths(steps: Step[], path: Path, out: StepAt[] = []): StepAt[] {
  steps.forEach((step, i) => {
    const at = [...path, i];
    out.push({ step, path: at });
    if (step.type === "while") stepsWithPaths(step.do, [...at, "do"], out);
  });
  return out;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Semantic checks of a schema-valid domain: references, step targets, reachability, loops,
 * expressions and templates. Returns every problem found (errors and warnings).
 */
export function validateDomain(
  domain: Domain,
  graphs: ReadonlyMap<string, FlowGraph>,
  context: ValidationContext,
): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const { locate } = context;
  const locateOffset = context.locateOffset ?? ((path: Path) => locate(path));
  const invalid = {
    slots: context.invalid?.slots ?? new Set<string>(),
    actions: context.invalid?.actions ?? new Set<string>(),
    flows: context.invalid?.flows ?? new Set<string>(),
  };
  const slots = new Map(Object.entries(domain.slots));
  const actions = new Map(Object.entries(domain.actions));
  const flows = new Map(Object.entries(domain.flows));
  const slotNames = [...slots.keys(), ...invalid.slots];

  const report = (
    path: Path,
    message: string,
    severity: Severity = "error",
    key = false,
    code?: string,
  ) => {
    problems.push({ ...locate(path, { key }), message, severity, ...(code ? { code } : {}) });
  };
  const where = (path: Path) => describePath(domain, path);

  /** An undefined name, unless it is defined but invalid (reported already). */
  const checkName = (
    kind: "slot" | "action" | "flow",
    name: string,
    path: Path,
    context: string,
  ): boolean => {
    const known = kind === "slot" ? slots : kind === "action" ? actions : flows;
    if (known.has(name)) return true;
    const broken =
      kind === "slot" ? invalid.slots : kind === "action" ? invalid.actions : invalid.flows;
    if (!broken.has(name)) {
      report(
        path,
        `${context}: ${kind} '${name}' is not defined${didYouMean(name, [...known.keys(), ...broken])} (declare it under ${kind}s:)`,
      );
    }
    return false;
  };

  const checkTemplate = (source: string, path: Path, extra: readonly string[] = []) => {
    let names: string[];
    try {
      names = templateSlots(source);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.push({
        ...locateOffset(path, error.offset),
        message: `${where(path)}: invalid template "${shorten(source)}": ${error.message}`,
        severity: "error",
      });
      return;
    }
    for (const name of names) {
      if (slots.has(name) || extra.includes(name) || invalid.slots.has(name)) continue;
      const hint = didYouMean(name, [...slotNames, ...extra]);
      report(path, `${where(path)}: template uses {${name}}, which is not a declared slot${hint}`);
    }
  };

  const checkExpression = (source: string, path: Path) => {
    let identifiers: string[];
    try {
      identifiers = compileExpression(source).identifiers();
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push({
        ...locateOffset(path, error.offset),
        message: `${where(path)}: invalid expression "${shorten(source)}": ${error.message} (at character ${error.offset + 1})`,
        severity: "error",
      });
      return;
    }
    for (const name of identifiers) {
      if (slots.has(name) || invalid.slots.has(name)) continue;
      report(
        path,
        `${where(path)}: expression uses '${name}', which is not a declared slot${didYouMean(name, slotNames)}`,
      );
    }
  };

  // --- names ----------------------------------------------------------------------------
  for (const section of ["slots", "actions", "flows"] as const) {
    for (const name of Object.keys(domain[section])) {
      if (RESERVED_NAMES.has(name)) {
        report(
          [section, name],
          `'${name}' is a reserved name (a built-in object property); choose another name`,
          "error",
          true,
        );
      }
    }
  }

  // --- slots ----------------------------------------------------------------------------
  for (const [name, slot] of slots) {
    const path = ["slots", name];
    slot.choices?.forEach((choice, i) => {
      if (!CHOICE_TYPES[slot.type](choice)) {
        report(
          [...path, "choices", i],
          `slot '${name}': choice ${JSON.stringify(choice)} does not match the slot's type '${slot.type}'`,
        );
      }
    });
    if (slot.synonyms && slot.choices) {
      const choices = slot.choices.map(String);
      for (const key of Object.keys(slot.synonyms)) {
        if (!choices.includes(key)) {
          report(
            [...path, "synonyms", key],
            `slot '${name}': synonyms given for '${key}', which is not one of its choices${didYouMean(key, choices)}`,
            "error",
            true,
          );
        }
      }
    }
    if (slot.choice_labels) {
      const choices = (slot.choices ?? []).map(String);
      for (const key of Object.keys(slot.choice_labels)) {
        if (choices.includes(key)) continue;
        report(
          [...path, "choice_labels", key],
          choices.length
            ? `slot '${name}': a label given for '${key}', which is not one of its choices${didYouMean(key, choices)}`
            : `slot '${name}': choice_labels name how choices read, but the slot has no choices (add choices: or remove choice_labels)`,
          "error",
          true,
        );
      }
    }
    validateSlotKind(name, slot, report);
    if (slot.prompt !== undefined) checkTemplate(slot.prompt, [...path, "prompt"]);
    if (slot.validation_error_message !== undefined) {
      checkTemplate(
        slot.validation_error_message,
        [...path, "validation_error_message"],
        VALIDATION_MESSAGE_VARIABLES,
      );
    }
  }

  // --- actions --------------------------------------------------------------------------
  for (const [name, action] of actions) {
    if (action.inputs === "all") continue;
    action.inputs.forEach((input, i) => {
      if (!slots.has(input) && !invalid.slots.has(input)) {
        report(
          ["actions", name, "inputs", i],
          `action '${name}': input '${input}' is not a declared slot, so nothing can provide it${didYouMean(input, slotNames)}`,
        );
      }
    });
  }

  // --- patterns -------------------------------------------------------------------------
  for (const [name, pattern] of Object.entries(domain.patterns)) {
    if (pattern.message !== undefined)
      checkTemplate(pattern.message, ["patterns", name, "message"], PATTERN_VARIABLES);
    if (pattern.message_in_flow !== undefined) {
      const path = ["patterns", name, "message_in_flow"];
      checkTemplate(pattern.message_in_flow, path, PATTERN_VARIABLES);
    }
  }

  // --- flows ----------------------------------------------------------------------------
  for (const [flowName, flow] of flows) {
    const graph = graphs.get(flowName);
    if (graph) validateFlow(flowName, flow, graph);
  }

  problems.push(...validateExamples(domain, graphs, locate, invalid));

  // --- slots the understanding never reads --------------------------------------------------
  // The DU reads a value only for a slot a flow collects (or, for a choice slot, gives a
  // default in a set step): the words of any other slot are never looked at. Only said of a
  // domain without errors (a broken flow may be the one meant to collect it).
  const read = new Set<string>();
  const sound =
    !problems.some((p) => p.severity === "error") &&
    invalid.flows.size === 0 &&
    [...(context.brokenSteps?.values() ?? [])].every((b) => b.size === 0);
  for (const flow of flows.values()) {
    for (const { step } of stepsWithPaths(flow.steps, [])) {
      // A confirm step's slot is answered by a yes or a no, which needs no reading either.
      if (step.type === "collect" || step.type === "confirm") read.add(step.slot);
      if (step.type === "set") {
        for (const slot of Object.keys(step.slots)) {
          const def = slots.get(slot);
          if (def && slotExtract(def) === "choice") read.add(slot);
        }
      }
    }
  }
  for (const [name, slot] of slots) {
    // A required slot is never skipped, so its decline phrases would never be read.
    if (slot.declined_by && slot.required !== false) {
      report(
        ["slots", name, "declined_by"],
        `slot '${name}' has declined_by but is required; only an optional slot (required: false) can be answered with no value`,
        "warning",
        true,
        "declined-by-required",
      );
    }
    if (!sound || slot.internal || read.has(name)) continue;
    const keys = (["prompt", "aliases", "synonyms"] as const).filter((k) => slot[k] !== undefined);
    if (keys.length === 0) continue;
    report(
      ["slots", name, keys[0]!],
      `slot '${name}' has ${keys.join(", ")}, but no flow collects it, so the DU never reads its value from a message (an action taking it as input gets null); collect it in a step of the flows that need it, with a condition if it is only sometimes asked`,
      "warning",
      true,
      "slot-never-collected",
    );
  }

  function validateFlow(flowName: string, flow: FlowDefinition, graph: FlowGraph) {
    const base = ["flows", flowName];
    const all = stepsWithPaths(flow.steps, [...base, "steps"]);
    const pathOf = new Map<string, Path>();
    const flowContext = `flow '${flowName}'`;
    const broken = context.brokenSteps?.get(flowName) ?? new Set<string>();

    flow.trigger?.intents.forEach((intent, i) => {
      checkTemplate(intent, [...base, "trigger", "intents", i]);
    });

    let undefinedTargets = 0;
    const checkTarget = (target: string | undefined, path: Path) => {
      if (target === undefined || target === END || graph.nodes.has(target)) return;
      undefinedTargets++;
      report(
        path,
        `${where(path.slice(0, -1))}: '${target}' is not a step of ${flowContext}${didYouMean(target, graph.nodes.keys())} (or use 'end' to finish the flow)`,
      );
    };

    /** Slots this flow fills itself (its action inputs should come from among them). */
    const provided = new Set<string>();
    for (const intent of flow.trigger?.intents ?? []) {
      try {
        for (const name of templateSlots(intent)) provided.add(name);
      } catch {
        // Reported by checkTemplate above.
      }
    }

    for (const { step, path } of all) {
      const first = pathOf.get(step.step);
      if (first) {
        const at = locate([...first, "step"]);
        report(
          [...path, "step"],
          `${flowContext}: duplicate step id '${step.step}' (first defined at line ${at.line}); step ids must be unique within a flow`,
        );
        continue;
      }
      pathOf.set(step.step, path);
      const here = where(path);
      if (step.condition !== undefined) checkExpression(step.condition, [...path, "condition"]);
      checkTarget(step.jump_to, [...path, "jump_to"]);

      switch (step.type) {
        case "say":
          checkTemplate(step.message, [...path, "message"]);
          break;
        case "collect": {
          provided.add(step.slot);
          if (checkName("slot", step.slot, [...path, "slot"], here)) {
            const slot = slots.get(step.slot)!;
            if (step.prompt === undefined && slot.prompt === undefined) {
              report(
                [...path, "slot"],
                `${here}: slot '${step.slot}' has no prompt and this step sets none, so the question is generic (add a prompt)`,
                "warning",
              );
            }
          }
          if (step.prompt !== undefined) checkTemplate(step.prompt, [...path, "prompt"]);
          break;
        }
        case "action": {
          const known = checkName("action", step.action, [...path, "action"], here);
          const action = known ? actions.get(step.action)! : undefined;
          for (const [output, slot] of Object.entries(step.map_outputs ?? {})) {
            provided.add(slot);
            if (action && !action.outputs.includes(output)) {
              const declared = action.outputs.length ? action.outputs.join(", ") : "none";
              report(
                [...path, "map_outputs", output],
                `${here}: action '${step.action}' has no output '${output}'${didYouMean(output, action.outputs)} (declared outputs: ${declared})`,
                "error",
                true,
              );
            }
            checkName("slot", slot, [...path, "map_outputs", output], here);
          }
          // Without map_outputs, outputs named like a slot fill that slot.
          if (action && !step.map_outputs) {
            for (const output of action.outputs) if (slots.has(output)) provided.add(output);
          }
          checkTarget(step.on_error, [...path, "on_error"]);
          break;
        }
        case "branch":
          validateBranch(step, path, here, checkTarget);
          break;
        case "confirm": {
          provided.add(step.slot);
          if (checkName("slot", step.slot, [...path, "slot"], here)) {
            const type = slots.get(step.slot)!.type;
            if (type !== "boolean" && type !== "any") {
              report(
                [...path, "slot"],
                `${here}: a confirm step stores the yes/no answer, so slot '${step.slot}' must be of type boolean (it is '${type}')`,
              );
            }
          }
          checkTemplate(step.message, [...path, "message"]);
          checkTarget(step.on_deny, [...path, "on_deny"]);
          checkTarget(step.on_confirm, [...path, "on_confirm"]);
          break;
        }
        case "set":
          for (const [slot, value] of Object.entries(step.slots)) {
            provided.add(slot);
            checkName("slot", slot, [...path, "slots", slot], here);
            if (typeof value === "string") checkTemplate(value, [...path, "slots", slot]);
            else if (value !== null && typeof value === "object") {
              checkExpression(value.expr, [...path, "slots", slot, "expr"]);
            }
          }
          break;
        case "while":
          checkExpression(step.condition, [...path, "condition"]);
          break;
        case "link":
        case "call":
          checkName("flow", step.flow, [...path, "flow"], here);
          break;
      }
    }

    // Action inputs the flow never fills are null unless the user volunteers them.
    for (const { step, path } of broken.size ? [] : all) {
      if (step.type !== "action" || !actions.has(step.action)) continue;
      const inputs = actions.get(step.action)!.inputs;
      for (const input of inputs === "all" ? [] : inputs) {
        if (!provided.has(input) && slots.has(input)) {
          report(
            [...path, "action"],
            `${where(path)}: action '${step.action}' takes '${input}', but ${flowContext} never collects, sets or maps it, so it will be null: the DU reads only slots a flow collects (collect it in a step, with a condition if it is only sometimes asked)`,
            "warning",
          );
        }
      }
    }

    checkGraph(flowName, graph, pathOf, broken, undefinedTargets > 0);
  }

  function validateBranch(
    step: Extract<Step, { type: "branch" }>,
    path: Path,
    here: string,
    checkTarget: (target: string | undefined, path: Path) => void,
  ) {
    const bySlot = step.slot !== undefined || step.cases !== undefined;
    const byCondition = step.if !== undefined || step.then !== undefined;
    if (bySlot && byCondition) {
      report(
        path,
        `${here}: a branch routes either on a slot (slot + cases) or on a condition (if + then), not both`,
      );
    } else if (!bySlot && !byCondition) {
      report(path, `${here}: a branch needs 'slot' + 'cases' or 'if' + 'then'`);
    }
    if (step.cases !== undefined && step.slot === undefined)
      report(path, `${here}: 'cases' needs a 'slot' to route on`);
    if (step.slot !== undefined && step.cases === undefined)
      report([...path, "slot"], `${here}: 'slot' needs 'cases' (value -> step)`);
    if (step.then !== undefined && step.if === undefined)
      report([...path, "then"], `${here}: 'then' needs an 'if' condition`);
    if (step.if !== undefined && step.then === undefined)
      report([...path, "if"], `${here}: 'if' needs a 'then' target`);

    let slot: SlotDefinition | undefined;
    if (step.slot !== undefined && checkName("slot", step.slot, [...path, "slot"], here)) {
      slot = slots.get(step.slot);
    }
    for (const [value, target] of Object.entries(step.cases ?? {})) {
      checkTarget(target, [...path, "cases", value]);
      const choices = slot?.choices?.map(String);
      if (choices && !choices.includes(value)) {
        report(
          [...path, "cases", value],
          `${here}: case '${value}' is not one of slot '${step.slot}' choices (${choices.join(", ")})${didYouMean(value, choices)}`,
          "error",
          true,
        );
      }
    }
    if (step.if !== undefined) checkExpression(step.if, [...path, "if"]);
    checkTarget(step.then, [...path, "then"]);
    checkTarget(step.default, [...path, "default"]);
  }

  function checkGraph(
    flowName: string,
    graph: FlowGraph,
    pathOf: ReadonlyMap<string, Path>,
    broken: ReadonlySet<string>,
    hasUndefinedTargets: boolean,
  ) {
    const at = (id: string) => pathOf.get(id) ?? ["flows", flowName];
    const edges = new Map<string, string[]>();
    for (const [id, node] of graph.nodes) {
      edges.set(
        id,
        successors(node).filter((t) => t !== END && graph.nodes.has(t)),
      );
    }

    // Reachability from the first step.
    const reached = new Set<string>();
    const queue = graph.nodes.has(graph.first) ? [graph.first] : [];
    while (queue.length) {
      const id = queue.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      queue.push(...(edges.get(id) ?? []));
    }
    // With a jump to a missing step, what is unreachable is a consequence already reported.
    for (const id of hasUndefinedTargets ? [] : graph.order) {
      if (!reached.has(id)) {
        report(
          [...at(id), "step"],
          `${where(at(id))}: unreachable — no step leads here (add a jump_to or branch target, or remove it)`,
        );
      }
    }

    // A while's own repetition is bounded by max_iterations: drop the body -> while edges, and
    // warn when a body never waits for the user.
    const insideWhile = (node: StepNode, whileId: string): boolean => {
      for (let p = node.parentWhile; p; p = graph.nodes.get(p)?.parentWhile)
        if (p === whileId) return true;
      return false;
    };
    for (const [id, node] of graph.nodes) {
      edges.set(
        id,
        edges
          .get(id)!
          .filter((t) => !(graph.nodes.get(t)!.step.type === "while" && insideWhile(node, t))),
      );
      if (node.step.type === "while" && !broken.has(id)) {
        const body = [...graph.nodes.values()].filter((n) => insideWhile(n, id));
        if (!body.some((n) => waitsForUser(n.step))) {
          report(
            [...at(id), "step"],
            `${where(at(id))}: the loop body never waits for the user, so it can repeat up to max_iterations (${node.step.max_iterations}) times in one turn`,
            "warning",
          );
        }
      }
    }

    for (const component of stronglyConnected(graph.order, edges)) {
      const cyclic = component.length > 1 || edges.get(component[0]!)!.includes(component[0]!);
      if (
        !cyclic ||
        component.some((id) => broken.has(id) || waitsForUser(graph.nodes.get(id)!.step))
      ) {
        continue;
      }
      const members = new Set(component);
      const position = (id: string) => graph.order.indexOf(id);
      // Blame the jump that goes back (the edge closing the loop) where there is one.
      const source =
        component.find((id) =>
          edges.get(id)!.some((t) => members.has(t) && position(t) <= position(id)),
        ) ?? component[0]!;
      const target = edges
        .get(source)!
        .find((t) => members.has(t) && position(t) <= position(source));
      const key = target ? targetKey(graph.nodes.get(source)!.step, target) : undefined;
      const ordered = [...component].sort((a, b) => position(a) - position(b));
      const cycle =
        ordered.length === 1
          ? `step '${ordered[0]}' leads back to itself`
          : `steps ${ordered.join(" -> ")} form a loop`;
      report(
        key ? [...at(source), ...key] : [...at(source), "step"],
        `${where(at(source))}: ${cycle} with no step waiting for the user (collect, confirm or call), so it can spin forever; ask the user inside the loop or use a 'while' step with max_iterations`,
      );
    }
  }

  const persistence = domain.settings.persistence;
  const leaseTtl = persistence.lease_ttl_ms ?? DEFAULT_LEASE_TTL_MS;
  const leaseWait = persistence.lease_wait_ms ?? DEFAULT_LEASE_WAIT_MS;
  if (leaseWait <= leaseTtl && leaseWait > 0) {
    const key = persistence.lease_wait_ms !== undefined ? "lease_wait_ms" : "lease_ttl_ms";
    report(
      ["settings", "persistence", key],
      `settings.persistence: lease_wait_ms (${leaseWait}) is not longer than lease_ttl_ms (${leaseTtl}): after a process dies mid-turn, its conversation answers 409 until the lease lapses; make the wait longer than the lifetime`,
      "warning",
      true,
      "lease-wait-below-ttl",
    );
  }

  return problems;
}

/** The key of `step` that sends control to `target` (for pointing at the offending jump). */
function targetKey(step: Step, target: string): PathSegment[] | undefined {
  if (step.jump_to === target) return ["jump_to"];
  switch (step.type) {
    case "branch": {
      if (step.then === target) return ["then"];
      if (step.default === target) return ["default"];
      const match = Object.entries(step.cases ?? {}).find(([, t]) => t === target);
      return match ? ["cases", match[0]] : undefined;
    }
    case "confirm":
      if (step.on_deny === target) return ["on_deny"];
      if (step.on_confirm === target) return ["on_confirm"];
      return undefined;
    case "action":
      return step.on_error === target ? ["on_error"] : undefined;
    default:
      return undefined;
  }
}

/** Tarjan's strongly connected components, iterative (flows may be long). */
function stronglyConnected(
  nodes: readonly string[],
  edges: ReadonlyMap<string, string[]>,
): string[][] {
  const index = new Map<string, number>();
  // The smallest index reachable from each node (Tarjan's lowlink).
  const lowest = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    lowest.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.id) ?? [];
      if (frame.next < out.length) {
        const target = out[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          lowest.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          lowest.set(frame.id, Math.min(lowest.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowest.set(parent.id, Math.min(lowest.get(parent.id)!, lowest.get(frame.id)!));
      if (lowest.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}
