import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../src/config/loaded-domain.ts";
import { loadDomain } from "../../src/config/loader.ts";
import { type EvalCase, evaluate, readEvalSet, stateFor } from "../../src/du/evaluation.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { commandsForCase, flowPhrasing } from "../../src/du/optimize/candidates.ts";
import { checkDataset, DatasetError, readDataset } from "../../src/du/optimize/dataset.ts";
import { renderExamplesFile } from "../../src/du/optimize/examples-file.ts";
import { optimize, withExamples } from "../../src/du/optimize/optimizer.ts";
import { splitCases } from "../../src/du/optimize/split.ts";
import type { DialogueUnderstanding } from "../../src/du/understanding.ts";
import type { Command } from "../../src/protocol/commands.ts";
import { emptyState } from "../../src/protocol/state.ts";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/optimize");
const DOMAIN = path.join(fixtures, "domain");
const DATASET = path.join(fixtures, "dataset.yaml");
const HELDOUT = path.join(fixtures, "heldout.yaml");
const today = new Date("2026-03-10T12:00:00");

let domain: LoadedDomain;
let cases: EvalCase[];
let heldout: EvalCase[];
let tmp: string;

beforeAll(async () => {
  domain = await loadDomain(DOMAIN);
  cases = (await readEvalSet(DATASET)).set.cases;
  heldout = (await readEvalSet(HELDOUT)).set.cases;
  tmp = await mkdtemp(path.join(os.tmpdir(), "soni-optimize-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const heuristic = () => new HeuristicUnderstanding({ now: () => today });

describe("splitCases", () => {
  it("is deterministic for a seed, stratified by intent, and keeps the dataset order", () => {
    const a = splitCases(cases, 0.3, 7);
    const b = splitCases(cases, 0.3, 7);
    expect(a.validation.map((c) => c.text)).toEqual(b.validation.map((c) => c.text));
    expect(a.train.length + a.validation.length).toBe(cases.length);
    for (const intent of ["check_balance", "block_card", "transfer_funds"]) {
      expect(a.train.some((c) => c.intent === intent)).toBe(true);
      expect(a.validation.some((c) => c.intent === intent)).toBe(true);
    }
    const order = (list: EvalCase[]) => list.map((c) => cases.indexOf(c));
    expect(order(a.train)).toEqual([...order(a.train)].sort((x, y) => x - y));
    // A label seen once (affirm) cannot be validated on; it stays in train.
    expect(a.train.some((c) => c.intent === "affirm")).toBe(true);
    const other = splitCases(cases, 0.3, 8);
    expect(other.validation.map((c) => c.text)).not.toEqual(a.validation.map((c) => c.text));
  });

  it("rejects a share outside (0, 1)", () => {
    expect(() => splitCases(cases, 1, 1)).toThrow(/between 0 and 1/);
  });
});

describe("candidates", () => {
  it("turns labelled values written in the message into placeholders", () => {
    const c: EvalCase = {
      text: "pay back Maria 20 from savings",
      intent: "transfer_funds",
      slots: { beneficiary_name: "Maria", amount: 20, account_type: "savings" },
    };
    // account_type is not a slot of transfer_funds, so it stays literal.
    expect(flowPhrasing(c, new Set(["beneficiary_name", "amount"]))).toBe(
      "pay back {beneficiary_name} {amount} from savings",
    );
    expect(flowPhrasing({ ...c, text: "pay {back}" }, new Set())).toBeNull();
  });

  it("derives the commands a label stands for", () => {
    const base = { text: "x", slots: {} };
    expect(
      commandsForCase({ ...base, intent: "transfer_funds", slots: { beneficiary_name: "Ana" } }),
    ).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
      { type: "set_slot", slot: "beneficiary_name", value: "Ana" },
    ]);
    expect(commandsForCase({ ...base, intent: "deny", change: "amount" })).toEqual([
      { type: "deny", slot_to_change: "amount" },
    ]);
    expect(commandsForCase({ ...base, intent: "cancel" })).toEqual([{ type: "cancel_flow" }]);
    expect(commandsForCase({ ...base, intent: "out_of_scope" })).toEqual([]);
    expect(commandsForCase({ ...base, intent: "clarify_flows" })).toBeNull();
  });
});

describe("optimize (heuristic DU, flow phrasings)", () => {
  it("raises accuracy on train, validation and held-out phrasings it never saw", async () => {
    const du = heuristic();
    const result = await optimize(du, domain, cases, { seed: 1 });
    expect(result.kind).toBe("flows");
    expect(result.steps.length).toBeGreaterThan(0);
    expect(result.after.train.intentAccuracy).toBeGreaterThan(result.before.train.intentAccuracy);
    expect(result.after.validation.intentAccuracy).toBeGreaterThan(
      result.before.validation.intentAccuracy,
    );
    expect(result.after.validation.exactCorrect).toBeGreaterThanOrEqual(
      result.before.validation.exactCorrect,
    );
    // Every kept example improved train and harmed nothing, one after the other.
    let previous = result.before;
    for (const step of result.steps) {
      expect(step.train.intentCorrect + step.train.exactCorrect).toBeGreaterThan(
        previous.train.intentCorrect + previous.train.exactCorrect,
      );
      expect(step.validation.intentCorrect).toBeGreaterThanOrEqual(
        previous.validation.intentCorrect,
      );
      previous = step;
    }
    // Chosen phrasings come from training cases only.
    const trainTexts = new Set(result.train.map((c) => c.text));
    for (const step of result.steps) expect(trainTexts.has(step.candidate.from)).toBe(true);

    const before = await evaluate(du, domain, heldout);
    const after = await evaluate(du, withExamples(domain, result.chosen), heldout);
    expect(after.intentAccuracy).toBeGreaterThan(before.intentAccuracy);
    expect(after.intentAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it("is deterministic: the same seed chooses the same examples", async () => {
    const a = await optimize(heuristic(), domain, cases, { seed: 3 });
    const b = await optimize(heuristic(), domain, cases, { seed: 3 });
    expect(b.chosen).toEqual(a.chosen);
    expect(b.after).toEqual(a.after);
  });

  it("respects the per-flow cap and the total cap", async () => {
    const capped = await optimize(heuristic(), domain, cases, { perFlowCap: 1 });
    for (const texts of Object.values(capped.chosen.flows)) expect(texts.length).toBe(1);
    const one = await optimize(heuristic(), domain, cases, { maxExamples: 1 });
    expect(one.steps).toHaveLength(1);
  });

  it("writes a domain file that loads, validates, and makes the heuristic DU recognise the phrasings", async () => {
    const result = await optimize(heuristic(), domain, cases);
    const dir = path.join(tmp, "saved");
    await cp(DOMAIN, dir, { recursive: true });
    const file = path.join(dir, "90-du-examples.yaml");
    await writeFile(file, renderExamplesFile(result, { dataset: "dataset.yaml", kind: "flows" }));
    expect(await readFile(file, "utf8")).toMatch(/^# DU examples chosen by `soni optimize`/);

    const saved = await loadDomain(dir);
    expect(saved.files).toContain(file);
    expect(saved.domain.examples.flows).toEqual(result.chosen.flows);
    const du = heuristic();
    const read = (text: string) => du.read(text, saved, emptyState("t"));
    expect(read("I have to pay back Jorge")).toEqual([
      { type: "start_flow", flow: "transfer_funds" },
      { type: "set_slot", slot: "beneficiary_name", value: "Jorge" },
    ]);
    expect(read("I think I lost my wallet on the bus")[0]).toEqual({
      type: "start_flow",
      flow: "block_card",
    });
    // Without the file the same messages are not understood as those flows.
    expect(du.read("I have to pay back Jorge", domain, emptyState("t"))[0]).not.toEqual({
      type: "start_flow",
      flow: "transfer_funds",
    });
  });
});

describe("optimize (few-shot turns)", () => {
  /** A stand-in for a model that has learnt exactly the example turns it is shown. */
  class ExampleLookupDu implements DialogueUnderstanding {
    constructor(private readonly fallback: HeuristicUnderstanding) {}
    async understand(message: string, context: Parameters<DialogueUnderstanding["understand"]>[1]) {
      const flow = context.state.flow_stack.at(-1)?.flow;
      const shown = context.domain.domain.examples.turns.find(
        (t) => t.text === message && t.context?.flow === flow,
      );
      const commands: Command[] =
        shown?.commands ?? this.fallback.read(message, context.domain, context.state);
      return { commands, source: "test", latency_ms: 0 };
    }
  }

  it("adds the misread turns with the commands their labels stand for", async () => {
    const du = new ExampleLookupDu(heuristic());
    const result = await optimize(du, domain, cases, { kind: "turns" });
    expect(result.chosen.flows).toEqual({});
    expect(result.chosen.turns.length).toBeGreaterThan(0);
    expect(result.after.train.exactMatch).toBeGreaterThan(result.before.train.exactMatch);
    for (const turn of result.chosen.turns) {
      const labelled = result.train.find((c) => c.text === turn.text)!;
      expect(turn.commands).toEqual(commandsForCase(labelled));
      // Each turn's context is the case's, so the DU would see it in the same state.
      expect(stateFor(turn, domain).flow_stack.at(-1)?.flow).toBe(labelled.context?.flow);
    }
  });
});

describe("datasets", () => {
  const write = async (name: string, text: string) => {
    const file = path.join(tmp, name);
    await writeFile(file, text);
    return file;
  };

  it("reports a shape error with file:line:column", async () => {
    const file = await write(
      "bad-shape.yaml",
      'cases:\n  - { text: "hi", intent: greet }\n  - { text: "block it" }\n',
    );
    const error = await readDataset(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    const text = (error as DatasetError).format(tmp);
    expect(text).toMatch(/^bad-shape\.yaml:3:5 {2}.*intent/m);
  });

  it("reports YAML syntax errors and a missing file clearly", async () => {
    const broken = await write("broken.yaml", "cases: [\n");
    await expect(readDataset(broken)).rejects.toThrow(/broken\.yaml:\d+:\d+ +YAML syntax/);
    await expect(readDataset(path.join(tmp, "nope.yaml"))).rejects.toThrow(
      /cannot read the dataset: no such file/,
    );
  });

  it("reports labels, flows and slots the domain does not have, each at its line", async () => {
    const file = await write(
      "bad-names.yaml",
      [
        "cases:",
        '  - { text: "balance", intent: check_balanse }',
        '  - { text: "savings", context: { flow: check_balance, waiting: amount }, intent: set_slot }',
        '  - { text: "pay Ana", intent: transfer_funds, slots: { beneficiary: Ana } }',
        "",
      ].join("\n"),
    );
    const dataset = await readDataset(file);
    let error: unknown;
    try {
      checkDataset(dataset, domain);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatasetError);
    const lines = (error as DatasetError).format(tmp).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^bad-names\.yaml:2:\d+ .*did you mean 'check_balance'/);
    expect(lines[1]).toMatch(/^bad-names\.yaml:3:\d+ .*never asks for 'amount'/);
    expect(lines[2]).toMatch(/^bad-names\.yaml:4:\d+ .*slot 'beneficiary' is not defined/);
  });
});
