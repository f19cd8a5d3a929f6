import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain, loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import type { Command, SlotValue } from "../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../src/protocol/state.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const MINI_BANK = path.join(here, "../fixtures/du/mini-bank.yaml");
export const BANKING = path.join(here, "../../examples/banking");
export const BANKING_EVAL = path.join(here, "../fixtures/du/banking-eval.yaml");
export const BANKING_PARAPHRASES = path.join(here, "../fixtures/du/banking-paraphrases.yaml");
export const BANKING_CUSTOMER_TYPING = path.join(
  here,
  "../fixtures/du/banking-customer-typing.yaml",
);

export const BANKING_SEQUENCES_AND_FORMATS = path.join(
  here,
  "../fixtures/du/banking-sequences-and-formats.yaml",
);
export const BANKING_LONG_AND_MIXED_LANGUAGE = path.join(
  here,
  "../fixtures/du/banking-long-and-mixed-language.yaml",
);
export const BANKING_STORIES_AND_TYPOS = path.join(
  here,
  "../fixtures/du/banking-stories-and-typos.yaml",
);

export function load(file: string): Promise<LoadedDomain> {
  return loadDomain(file);
}

/** A small domain written inside a test, one line of YAML per string. */
export function domainFromLines(lines: readonly string[], name?: string): Promise<LoadedDomain> {
  return loadDomainFromText(lines.join("\n"), name);
}

/** A state where `flow` is active, optionally waiting for a slot or a confirmation. */
export function inFlow(
  domain: LoadedDomain,
  flow: string,
  options: { waiting?: string; confirm?: boolean; slots?: Record<string, SlotValue> } = {},
): DialogueState {
  const state = emptyState("test");
  const graph = domain.graphs.get(flow)!;
  const nodes = [...graph.nodes.values()];
  const instance = `${flow}-1`;
  let step = graph.first;
  if (options.waiting) {
    const node = nodes.find((n) => n.step.type === "collect" && n.step.slot === options.waiting)!;
    step = node.id;
    state.waiting_for = { kind: "slot", slot: options.waiting, flow_instance: instance, step };
  } else if (options.confirm) {
    const node = nodes.find((n) => n.step.type === "confirm")!;
    step = node.id;
    const slot = node.step.type === "confirm" ? node.step.slot : "";
    state.waiting_for = { kind: "confirm", slot, flow_instance: instance, step };
  }
  state.flow_stack.push({
    flow,
    instance_id: instance,
    step,
    slots: { ...options.slots },
    loop_counts: {},
  });
  return state;
}

/** The day the example domains' tests and evaluation sets read against: Wednesday 10 March 2027. */
export const EXAMPLE_NOW = new Date(2027, 2, 10, 12, 0, 0);

/**
 * The heuristic DU over the example domains, read on EXAMPLE_NOW: `loadAll` in a beforeAll,
 * then `read("hotel", text)` (an idle conversation unless a state is given).
 */
export function exampleReader() {
  const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
  const domains: Record<string, LoadedDomain> = {};
  return {
    du,
    domains,
    async loadAll(names: readonly string[]): Promise<void> {
      for (const name of names) domains[name] = await load(path.join(here, "../../examples", name));
    },
    read: (domain: string, text: string, state: DialogueState = emptyState("t")): Command[] =>
      du.read(text, domains[domain]!, state),
  };
}

/** The values set or corrected by a list of commands, by slot. */
export function slotsOf(commands: readonly Command[]): Record<string, SlotValue> {
  return Object.fromEntries(
    commands.flatMap((c) =>
      c.type === "set_slot" || c.type === "correct_slot" ? [[c.slot, c.value]] : [],
    ),
  );
}

/** What a first message asks for: the flow its first command starts, else that command's type. */
export function firstIntent(commands: readonly Command[]): string | undefined {
  const first = commands[0];
  return first?.type === "start_flow" ? first.flow : first?.type;
}

/** The flow a list of commands starts, wherever the start_flow stands in it. */
export function startedFlow(commands: readonly Command[]): string | undefined {
  const start = commands.find((c) => c.type === "start_flow");
  return start?.type === "start_flow" ? start.flow : undefined;
}

/** Every flow a list of commands starts, in order. */
export function startedFlows(commands: readonly Command[]): string[] {
  return commands.flatMap((c) => (c.type === "start_flow" ? [c.flow] : []));
}

/** The values a list of commands sets, those a start_flow carries included, by slot. */
export function readValues(commands: readonly Command[]): Record<string, SlotValue> {
  return Object.fromEntries(
    commands.flatMap((c) =>
      c.type === "set_slot"
        ? [[c.slot, c.value]]
        : c.type === "start_flow"
          ? Object.entries(c.slots ?? {})
          : [],
    ),
  );
}
