import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { LoadedDomain } from "../config/loaded-domain.ts";
import { turnContextSchema } from "../config/schema.ts";
import type { Command, SlotValue } from "../protocol/commands.ts";
import { type DialogueState, emptyState } from "../protocol/state.ts";
import { sameValue } from "./same-value.ts";
import type { DialogueUnderstanding } from "./understanding.ts";

/**
 * Labelled DU test sets and their scoring. A case is one user message in a context (nothing
 * active, or a flow waiting for a slot or a confirmation), labelled with the expected intent and
 * slot values. Used by `npm run eval:du` and by the DU's accuracy tests.
 */

const slotValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const evalCaseSchema = z.strictObject({
  text: z.string(),
  /** What the assistant is doing when the message arrives; omitted = nothing (a first message). */
  context: turnContextSchema.optional(),
  /** Flows a clarification just offered (the previous turn asked "which one?"). */
  offered: z.array(z.string()).optional(),
  /**
   * A flow name (the message starts it) or one of: set_slot, correct_slot, affirm, deny, cancel,
   * help, human, chitchat, repeat, clarify_flows, out_of_scope.
   */
  intent: z.string(),
  /** Slot values the commands must carry (start_flow + set_slot, set_slot, correct_slot). */
  slots: z.record(z.string(), slotValueSchema).default({}),
  /** For `deny`: the slot the user wants to change. */
  change: z.string().optional(),
  note: z.string().optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export const evalSetSchema = z.strictObject({
  /** The domain, relative to the eval file. */
  domain: z.string(),
  /** The date relative dates resolve against (YYYY-MM-DD), so results do not depend on today. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  cases: z.array(evalCaseSchema).min(1),
});
export type EvalSet = z.infer<typeof evalSetSchema>;

export async function readEvalSet(file: string): Promise<{ set: EvalSet; domainPath: string }> {
  const raw = parseYaml(await readFile(file, "utf8"));
  const parsed = evalSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`${file}: not a valid DU evaluation set:\n${issues}`);
  }
  return { set: parsed.data, domainPath: path.resolve(path.dirname(file), parsed.data.domain) };
}

/** The conversation state a case describes. */
export function stateFor(
  c: Pick<EvalCase, "text" | "context" | "offered">,
  domain: LoadedDomain,
): DialogueState {
  const state = emptyState("eval");
  if (c.offered) {
    state.last_turn = {
      turn: 1,
      at: new Date(0).toISOString(),
      user_message: "",
      commands: [{ type: "clarify", flows: c.offered }],
      steps: [],
      messages: [],
    };
  }
  if (!c.context) return state;
  const { flow, waiting, confirm, slots } = c.context;
  const graph = domain.graphs.get(flow);
  if (!graph) throw new Error(`eval case "${c.text}": unknown flow ${flow}`);
  const instance = `${flow}-1`;
  let step: string | null = graph.first;
  if (waiting) {
    const node = [...graph.nodes.values()].find(
      (n) => n.step.type === "collect" && n.step.slot === waiting,
    );
    if (!node) throw new Error(`eval case "${c.text}": flow ${flow} never asks for ${waiting}`);
    step = node.id;
    state.waiting_for = { kind: "slot", slot: waiting, flow_instance: instance, step };
  } else if (confirm) {
    const node = [...graph.nodes.values()].find((n) => n.step.type === "confirm");
    if (node?.step.type !== "confirm") {
      throw new Error(`eval case "${c.text}": flow ${flow} has no confirm step`);
    }
    step = node.id;
    state.waiting_for = { kind: "confirm", slot: node.step.slot, flow_instance: instance, step };
  }
  state.flow_stack.push({
    flow,
    instance_id: instance,
    step,
    slots: { ...slots },
    loop_counts: {},
  });
  return state;
}

/** The one label a list of commands stands for, comparable with a case's `intent`. */
export function intentOf(commands: readonly Command[]): string {
  if (commands.length === 0) return "out_of_scope";
  const start = commands.find((c) => c.type === "start_flow");
  if (start) return start.flow;
  const has = (type: Command["type"]) => commands.find((c) => c.type === type);
  if (has("cancel_flow")) return "cancel";
  if (has("human_handoff")) return "human";
  if (has("out_of_scope")) return "out_of_scope";
  if (has("repeat_last")) return "repeat";
  const clarify = commands.find((c) => c.type === "clarify");
  if (clarify) return clarify.flows ? "clarify_flows" : "help";
  for (const type of [
    "correct_slot",
    "set_slot",
    "deny",
    "affirm",
    "chitchat",
    "clear_slot",
  ] as const) {
    if (has(type)) return type;
  }
  // A declined optional slot is labelled as its answer with no value (`set_slot`, slot: null).
  if (has("skip_slot")) return "set_slot";
  return commands[0]!.type;
}

/** Slot values the commands carry, by slot. */
export function slotsOf(commands: readonly Command[]): Record<string, SlotValue> {
  const out: Record<string, SlotValue> = {};
  for (const c of commands) {
    if (c.type === "start_flow") Object.assign(out, c.slots ?? {});
    if (c.type === "set_slot" || c.type === "correct_slot") out[c.slot] = c.value;
    if (c.type === "skip_slot") out[c.slot] = null;
  }
  return out;
}

/** What `evaluate` needs of a case; sets with richer expected values (lists) extend it. */
export interface ScoredCase
  extends Pick<EvalCase, "text" | "context" | "offered" | "intent" | "change"> {
  slots: Record<string, unknown>;
}

export interface CaseResult<C extends ScoredCase = EvalCase> {
  case: C;
  commands: Command[];
  intent: string;
  intentOk: boolean;
  /** Intent right and exactly the expected slot values. */
  exact: boolean;
  latencyMs: number;
}

export interface EvalReport<C extends ScoredCase = EvalCase> {
  cases: number;
  intentAccuracy: number;
  slotPrecision: number;
  slotRecall: number;
  exactMatch: number;
  p50Ms: number;
  p99Ms: number;
  results: CaseResult<C>[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Reads each case's message in its context and scores intent, slot precision and recall, exact
 * matches and latency. `same` compares a value read with the expected one (default: sameValue).
 */
export async function evaluate<C extends ScoredCase = EvalCase>(
  du: DialogueUnderstanding,
  domain: LoadedDomain,
  cases: readonly C[],
  same: (got: SlotValue | undefined, expected: C["slots"][string]) => boolean = (got, expected) =>
    sameValue(got, expected as SlotValue | undefined),
): Promise<EvalReport<C>> {
  const results: CaseResult<C>[] = [];
  let predicted = 0;
  let expected = 0;
  let correct = 0;
  for (const c of cases) {
    const state = stateFor(c, domain);
    const started = performance.now();
    const { commands } = await du.understand(c.text, { domain, state });
    const latencyMs = performance.now() - started;
    const intent = intentOf(commands);
    const deny = commands.find((x) => x.type === "deny");
    const intentOk =
      intent === c.intent && (c.intent !== "deny" || deny?.slot_to_change === c.change);
    const got = slotsOf(commands);
    const right = Object.keys(got).filter(
      (k) => k in c.slots && same(got[k], c.slots[k] as C["slots"][string]),
    );
    predicted += Object.keys(got).length;
    expected += Object.keys(c.slots).length;
    correct += right.length;
    const exact =
      intentOk &&
      right.length === Object.keys(c.slots).length &&
      right.length === Object.keys(got).length;
    results.push({ case: c, commands, intent, intentOk, exact, latencyMs });
  }
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  return {
    cases: results.length,
    intentAccuracy: results.length ? results.filter((r) => r.intentOk).length / results.length : 1,
    slotPrecision: predicted ? correct / predicted : 1,
    slotRecall: expected ? correct / expected : 1,
    exactMatch: results.length ? results.filter((r) => r.exact).length / results.length : 1,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    results,
  };
}
