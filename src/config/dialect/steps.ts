import { isPlainObject, type PlainObject, put } from "../plain-object.ts";
import { modernExpression, modernSetTemplate } from "./expressions.ts";
import type { DialectReport, Path, PathRemap } from "./report.ts";

const END_TARGETS = new Set(["__end__", "__end_flow__"]);
const TARGET_KEYS = ["jump_to", "on_deny", "on_confirm", "on_error", "then", "default", "exit_to"];
const OPERATOR_CASE = /^\s*(>=|<=|==|!=|>|<)\s*(.+?)\s*$/;

/** A validator moved from a collect step to its slot (the modern place for it). */
export interface CollectSetting {
  slot: string;
  key: "validator" | "validation_error_message";
  value: unknown;
  path: Path;
}

/** What rewriting the steps of every flow leaves for the slot and action stages. */
export interface StepsOutcome {
  collectSettings: CollectSetting[];
  /** Collect steps inside a jump-back loop, with where they were written. */
  loopCollects: { step: PlainObject; at: Path }[];
}

interface Context {
  flow: string;
  report: DialectReport;
  origin: WeakMap<object, Path>;
  renamed: WeakMap<object, Map<string, string>>;
  /** Generated steps -> the step they were made from. */
  madeFrom: WeakMap<object, object>;
  ids: Set<string>;
  outcome: StepsOutcome;
}

/**
 * Rewrites the steps of one flow from the original dialect in place: renamed keys, `__end__`
 * targets, `while` bodies given as step names, `evaluate` branches, default confirmation
 * messages. Positions of moved steps and renamed keys go to `remap`.
 */
export function normalizeFlowSteps(
  flowName: string,
  flow: PlainObject,
  at: Path,
  report: DialectReport,
  remap: PathRemap,
  outcome: StepsOutcome,
): void {
  // Warnings point at the list as written: under `process:` in the oldest form.
  let written: Path = [...at, "steps"];
  if (Array.isArray(flow.process) && !Object.hasOwn(flow, "steps")) {
    written = [...at, "process"];
    put(flow, "steps", flow.process);
    remap.record([...at, "steps"], [...at, "process"]);
    report.warn(
      [...at, "process"],
      "dialect.flow_process",
      "a flow's 'process:' is written 'steps:'",
      true,
    );
    delete flow.process;
  }
  if (Object.hasOwn(flow, "intent")) {
    report.warn(
      [...at, "intent"],
      "dialect.flow_intent",
      "a flow's 'intent:' name is not used: flows start from 'trigger.intents' phrases and their description",
      true,
    );
    delete flow.intent;
  }
  if (!Array.isArray(flow.steps)) return;
  const context: Context = {
    flow: flowName,
    report,
    origin: new WeakMap(),
    renamed: new WeakMap(),
    madeFrom: new WeakMap(),
    ids: new Set(),
    outcome,
  };
  const steps = flow.steps as unknown[];
  visitSteps(steps, written, (step, path) => {
    context.origin.set(step, path);
    if (typeof step.step === "string") context.ids.add(step.step);
    normalizeStep(step, path, context);
  });
  structureList(steps, written, "end", context);
  fillConfirmMessages(steps, context);
  noteLoopCollects(steps, context);
  visitSteps(steps, [...at, "steps"], (step, path) => {
    const source = context.madeFrom.get(step) ?? step;
    const original = context.origin.get(source);
    if (!original) return;
    remap.record(path, original);
    for (const [modern, old] of context.renamed.get(source) ?? []) {
      remap.record([...path, modern], [...original, old]);
    }
  });
}

/** Calls `fn` for every step object, `while` bodies included, with its path. */
function visitSteps(list: unknown[], at: Path, fn: (step: PlainObject, path: Path) => void): void {
  list.forEach((step, i) => {
    if (!isPlainObject(step)) return;
    fn(step, [...at, i]);
    if (Array.isArray(step.do)) visitSteps(step.do, [...at, i, "do"], fn);
  });
}

function rename(step: PlainObject, from: string, to: string, context: Context): void {
  put(step, to, step[from]);
  delete step[from];
  const renamed = context.renamed.get(step) ?? new Map<string, string>();
  renamed.set(to, from);
  context.renamed.set(step, renamed);
}

function normalizeStep(step: PlainObject, path: Path, context: Context): void {
  const { report } = context;
  const type = step.type;
  const where = `step '${String(step.step)}'`;
  if (type === "action" && Object.hasOwn(step, "call") && !Object.hasOwn(step, "action")) {
    report.warn(
      [...path, "call"],
      "dialect.action_call",
      `${where}: an action step's 'call:' is written 'action:'`,
      true,
    );
    rename(step, "call", "action", context);
  }
  if (
    (type === "link" || type === "call") &&
    Object.hasOwn(step, "target") &&
    !Object.hasOwn(step, "flow")
  ) {
    report.warn(
      [...path, "target"],
      "dialect.flow_target",
      `${where}: a ${type} step's 'target:' is written 'flow:'`,
      true,
    );
    rename(step, "target", "flow", context);
  }
  if (type === "collect") {
    if (Object.hasOwn(step, "message") && !Object.hasOwn(step, "prompt")) {
      report.warn(
        [...path, "message"],
        "dialect.collect_message",
        `${where}: a collect step's 'message:' is written 'prompt:'`,
        true,
      );
      rename(step, "message", "prompt", context);
    }
    for (const key of ["validator", "validation_error_message"] as const) {
      if (!Object.hasOwn(step, key)) continue;
      if (typeof step.slot === "string") {
        context.outcome.collectSettings.push({
          slot: step.slot,
          key,
          value: step[key],
          path: [...path, key],
        });
      }
      report.warn(
        [...path, key],
        "dialect.collect_validator",
        `${where}: '${key}' belongs to the slot: write it under slots.${String(step.slot)}`,
        true,
      );
      delete step[key];
    }
  }
  if (type === "branch") {
    if (Object.hasOwn(step, "input") && !Object.hasOwn(step, "slot")) {
      report.warn(
        [...path, "input"],
        "dialect.branch_input",
        `${where}: a branch's 'input:' is written 'slot:'`,
        true,
      );
      rename(step, "input", "slot", context);
    }
    if (
      isPlainObject(step.cases) &&
      Object.hasOwn(step.cases, "default") &&
      !Object.hasOwn(step, "default")
    ) {
      report.warn(
        [...path, "cases", "default"],
        "dialect.branch_default_case",
        `${where}: the 'default' case is written as the branch's own 'default:' key`,
        true,
      );
      put(step, "default", step.cases.default);
      delete step.cases.default;
    }
  }
  if (type === "while" && Object.hasOwn(step, "exit_to")) {
    if (!Object.hasOwn(step, "jump_to")) {
      report.warn(
        [...path, "exit_to"],
        "dialect.while_exit_to",
        `${where}: a while's 'exit_to:' is written 'jump_to:' (where the loop goes when it ends)`,
        true,
      );
      rename(step, "exit_to", "jump_to", context);
    }
  }
  if (type === "confirm" && !Object.hasOwn(step, "slot") && typeof step.step === "string") {
    put(step, "slot", `${step.step}_confirmed`);
    report.warn(
      path,
      "dialect.confirm_slot",
      `${where}: a confirm step names the boolean slot receiving the answer; '${step.step}_confirmed' is used`,
    );
  }
  if (Object.hasOwn(step, "rephrase") && type !== "say") {
    report.warn(
      [...path, "rephrase"],
      "dialect.ignored_key",
      `${where}: 'rephrase' is ignored here: only say messages are rephrased`,
      true,
    );
    delete step.rephrase;
  }
  fixTargets(step, path, context);
  fixExpressions(step, path, context);
}

function fixTargets(step: PlainObject, path: Path, context: Context): void {
  const fix = (owner: PlainObject, key: string, at: Path) => {
    const value = owner[key];
    if (typeof value !== "string" || !END_TARGETS.has(value)) return;
    owner[key] = "end";
    context.report.warn(at, "dialect.end_target", `'${value}' is written 'end'`);
  };
  for (const key of TARGET_KEYS) fix(step, key, [...path, key]);
  if (isPlainObject(step.cases)) {
    for (const key of Object.keys(step.cases)) fix(step.cases, key, [...path, "cases", key]);
  }
}

function fixExpressions(step: PlainObject, path: Path, context: Context): void {
  const fix = (owner: PlainObject, key: string, at: Path) => {
    const value = owner[key];
    if (typeof value !== "string") return;
    const { text, changed } = modernExpression(value);
    if (changed.length === 0) return;
    owner[key] = text;
    context.report.warn(
      at,
      "dialect.expression",
      `expression words ${changed.map((w) => `'${w}'`).join(", ")} are written in lower case ('and', 'or', 'not', 'true', 'false', 'null')`,
    );
  };
  for (const key of ["condition", "evaluate", "if"]) fix(step, key, [...path, key]);
  if (step.type === "set" && isPlainObject(step.slots)) {
    for (const [slot, value] of Object.entries(step.slots)) {
      if (isPlainObject(value)) fix(value, "expr", [...path, "slots", slot, "expr"]);
      else if (typeof value === "string") {
        const { text, changed } = modernSetTemplate(value);
        if (!changed) continue;
        step.slots[slot] = text;
        context.report.warn(
          [...path, "slots", slot],
          "dialect.template",
          "'{{name}}' is written '{name}' ('{{' is a literal brace)",
        );
      }
    }
  }
}

/**
 * List-level rewrites: `while` bodies named by step ids are moved inside the loop, then
 * branch targets and `evaluate` branches are resolved against the final order.
 * `continuation` is where control goes after the list's last step.
 */
function structureList(list: unknown[], at: Path, continuation: string, context: Context): void {
  for (let i = 0; i < list.length; i++) {
    const step = list[i];
    if (!isPlainObject(step) || step.type !== "while" || !Array.isArray(step.do)) continue;
    if (!step.do.some((item) => typeof item === "string")) continue;
    moveBody(list, step, [...at, i], continuation, context);
    i = list.indexOf(step);
  }
  list.forEach((step, i) => {
    if (
      isPlainObject(step) &&
      step.type === "while" &&
      Array.isArray(step.do) &&
      typeof step.step === "string"
    ) {
      structureList(step.do, [...at, i, "do"], step.step, context);
    }
  });
  for (let i = 0; i < list.length; i++) {
    const step = list[i];
    if (!isPlainObject(step) || step.type !== "branch") continue;
    const next = nextId(list, i, continuation);
    resolveBranchTargets(step, next, context);
    const chain = evaluateChain(step, context);
    list.splice(i, 1, ...chain);
    i += chain.length - 1;
  }
}

function nextId(list: unknown[], index: number, continuation: string): string {
  const next = list[index + 1];
  return isPlainObject(next) && typeof next.step === "string" ? next.step : continuation;
}

function moveBody(
  list: unknown[],
  loop: PlainObject,
  at: Path,
  continuation: string,
  context: Context,
): void {
  const where = `step '${String(loop.step)}'`;
  context.report.warn(
    [...at, "do"],
    "dialect.while_step_names",
    `${where}: a while's 'do:' lists step names; write those steps inside 'do:' (they move there)`,
    true,
  );
  const byId = new Map<string, PlainObject>();
  for (const item of list)
    if (isPlainObject(item) && typeof item.step === "string") byId.set(item.step, item);
  const body = new Set<PlainObject>();
  const doList = loop.do as unknown[];
  doList.forEach((item, k) => {
    if (typeof item !== "string") return;
    const target = byId.get(item);
    if (!target || target === loop) {
      context.report.error(
        [...at, "do", k],
        `${where}: the loop body names '${item}', which is not a step of flow '${context.flow}' next to the loop`,
      );
      return;
    }
    doList[k] = target;
    body.add(target);
  });
  put(
    loop,
    "do",
    doList.filter((item) => typeof item !== "string"),
  );
  const positions = [...body].map((s) => list.indexOf(s));
  const last = Math.max(...positions, list.indexOf(loop));
  let exit = continuation;
  for (let k = last + 1; k < list.length; k++) {
    const candidate = list[k];
    if (isPlainObject(candidate) && !body.has(candidate) && typeof candidate.step === "string") {
      exit = candidate.step;
      break;
    }
  }
  for (let k = list.length - 1; k >= 0; k--)
    if (body.has(list[k] as PlainObject)) list.splice(k, 1);
  const natural = nextId(list, list.indexOf(loop), continuation);
  if (!Object.hasOwn(loop, "jump_to") && exit !== natural) put(loop, "jump_to", exit);
}

function resolveBranchTargets(step: PlainObject, next: string, context: Context): void {
  if (!isPlainObject(step.cases)) return;
  for (const [value, target] of Object.entries(step.cases)) {
    if (typeof target !== "string") continue;
    let modern: string | undefined;
    if (target === "continue") modern = next;
    else if (target.startsWith("jump_to_") && !context.ids.has(target))
      modern = target.slice("jump_to_".length);
    if (modern === undefined) continue;
    step.cases[value] = modern;
    const origin = context.origin.get(step) ?? [];
    context.report.warn(
      [...origin, "cases", value],
      "dialect.branch_target",
      `case target '${target}' is written '${modern}' (a step id, or 'end')`,
    );
  }
}

function literal(text: string): string {
  const value = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase();
  if (/^none$/i.test(value)) return "null";
  if (/^(['"]).*\1$/.test(value)) return value;
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

/**
 * An `evaluate` branch (or one whose cases are comparisons such as ">1000") as a chain of
 * modern `if`/`then` branches, one per case, tried in order, ending in the `default`.
 */
function evaluateChain(step: PlainObject, context: Context): PlainObject[] {
  const cases = isPlainObject(step.cases) ? Object.entries(step.cases) : [];
  const hasOperators = cases.some(([key]) => OPERATOR_CASE.test(key));
  let subject: string;
  if (typeof step.evaluate === "string") subject = step.evaluate;
  else if (typeof step.slot === "string" && hasOperators) subject = step.slot;
  else return [step];
  const origin = context.origin.get(step) ?? [];
  context.report.warn(
    [...origin, typeof step.evaluate === "string" ? "evaluate" : "cases"],
    "dialect.branch_evaluate",
    `step '${String(step.step)}': '${typeof step.evaluate === "string" ? "evaluate" : "slot"}' with ${hasOperators ? "comparison " : ""}cases is written as 'if'/'then'/'default' branches, one per case`,
    true,
  );
  const conditions: [string, unknown][] = cases.map(([key, target]) => {
    const operator = OPERATOR_CASE.exec(key);
    if (operator) return [`(${subject}) ${operator[1]} ${literal(operator[2]!)}`, target];
    if (/^true$/i.test(key)) return [`(${subject})`, target];
    if (/^false$/i.test(key)) return [`not (${subject})`, target];
    return [`(${subject}) == ${literal(key)}`, target];
  });
  delete step.evaluate;
  delete step.slot;
  delete step.cases;
  const fallback = step.default;
  delete step.default;
  if (conditions.length === 0) {
    put(step, "if", "false");
    put(step, "then", fallback ?? "end");
    return [step];
  }
  const ids = conditions.map((_, k) => {
    if (k === 0) return String(step.step);
    let id = `${String(step.step)}_${k + 1}`;
    while (context.ids.has(id)) id = `${id}_`;
    context.ids.add(id);
    return id;
  });
  return conditions.map(([condition, target], k) => {
    const part: PlainObject = k === 0 ? step : { step: ids[k], type: "branch" };
    put(part, "if", condition);
    put(part, "then", target);
    const otherwise = k + 1 < ids.length ? ids[k + 1] : fallback;
    if (otherwise !== undefined) put(part, "default", otherwise);
    if (k > 0) context.madeFrom.set(part, step);
    return part;
  });
}

/** A confirm step without a message asks about the values the flow collected before it. */
function fillConfirmMessages(steps: unknown[], context: Context): void {
  const collected: string[] = [];
  visitSteps(steps, [], (step) => {
    if (
      step.type === "collect" &&
      typeof step.slot === "string" &&
      !collected.includes(step.slot)
    ) {
      collected.push(step.slot);
    }
    if (step.type !== "confirm" || Object.hasOwn(step, "message")) return;
    const lines = collected.map((slot) => `- ${label(slot)}: {${slot}}`);
    put(
      step,
      "message",
      lines.length
        ? `Please confirm:\n${lines.join("\n")}\nIs that correct?`
        : "Please confirm. Shall I go ahead?",
    );
    const origin = context.origin.get(step) ?? [];
    context.report.warn(
      origin,
      "dialect.confirm_message",
      `step '${String(step.step)}': a confirm step has a 'message:'; the default one lists the values collected before it`,
    );
  });
}

/**
 * A collect step inside a loop (a jump back to it or to a step before it: "see more?" after
 * each page) is noted; in a domain written in the original dialect it asks on every pass
 * (`askAgainInLoops`), as the original's examples expect.
 */
function noteLoopCollects(steps: unknown[], context: Context): void {
  const index = new Map<string, number>();
  steps.forEach((step, i) => {
    if (isPlainObject(step) && typeof step.step === "string") index.set(step.step, i);
  });
  const loops = new Set<number>();
  steps.forEach((step, i) => {
    if (!isPlainObject(step)) return;
    for (const target of targetsOf(step)) {
      const j = index.get(target);
      if (j === undefined || j > i) continue;
      for (let k = j; k <= i; k++) loops.add(k);
    }
  });
  for (const k of [...loops].sort((a, b) => a - b)) {
    const step = steps[k];
    if (!isPlainObject(step) || step.type !== "collect" || Object.hasOwn(step, "ask_always"))
      continue;
    context.outcome.loopCollects.push({ step, at: context.origin.get(step) ?? [] });
  }
}

/** Sets `ask_always` on the collect steps found inside loops, each with a warning. */
export function askAgainInLoops(outcome: StepsOutcome, report: DialectReport): void {
  for (const { step, at } of outcome.loopCollects) {
    put(step, "ask_always", true);
    report.warn(
      at,
      "dialect.loop_collect",
      `step '${String(step.step)}' is inside a loop: it asks its question on every pass ('ask_always: true')`,
    );
  }
}

/** Every step id a step can go to: its targets, its branch cases' targets. */
function targetsOf(step: PlainObject): string[] {
  const out: string[] = [];
  for (const key of TARGET_KEYS) {
    if (typeof step[key] === "string") out.push(step[key] as string);
  }
  const cases = step.cases;
  if (isPlainObject(cases)) {
    for (const target of Object.values(cases)) if (typeof target === "string") out.push(target);
  } else if (Array.isArray(cases)) {
    for (const c of cases) if (isPlainObject(c) && typeof c.then === "string") out.push(c.then);
  }
  return out;
}

function label(slot: string): string {
  const words = slot.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
