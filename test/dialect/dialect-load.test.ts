import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainLoadError } from "../../src/config/errors.ts";
import { loadDomain, loadDomainFromText } from "../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import { inFlow } from "../du/helpers.ts";
import { PROJECT_ROOT } from "../helpers/cli.ts";
import { BANK, LIBRARY, SHOP, WORKSHOP } from "./conversations.ts";

/** Every construct of the original dialect the fixtures cover, by the code of its warning. */
const CODES = [
  "dialect.action_call",
  "dialect.collect_message",
  "dialect.collect_validator",
  "dialect.flow_target",
  "dialect.end_target",
  "dialect.while_exit_to",
  "dialect.while_step_names",
  "dialect.confirm_message",
  "dialect.confirm_slot",
  "dialect.branch_input",
  "dialect.branch_target",
  "dialect.branch_default_case",
  "dialect.branch_evaluate",
  "dialect.flow_process",
  "dialect.flow_slots",
  "dialect.flow_slot_collect",
  "dialect.slot_type",
  "dialect.slot_type_conflict",
  "dialect.slot_normalization",
  "dialect.yes_no_choices",
  "dialect.settings_model",
  "dialect.rephrase",
  "dialect.logging_level",
  "dialect.ignored_key",
  "dialect.implicit_slot",
  "dialect.implicit_action",
  "dialect.action_inputs",
  "dialect.expression",
  "dialect.template",
];

async function warningsOf(domain: string) {
  const loaded = await loadDomain(domain);
  return loaded.warnings ?? [];
}

describe("the original Soni (Python) dialect", () => {
  it("loads the fixtures with warnings only, each coded and naming the modern form", async () => {
    const warnings = [
      ...(await warningsOf(BANK.domain)),
      ...(await warningsOf(SHOP.domain)),
      ...(await warningsOf(LIBRARY.domain)),
      ...(await warningsOf(WORKSHOP.domain)),
    ];
    const codes = new Set(warnings.map((w) => w.code));
    for (const code of CODES) expect(codes, code).toContain(code);
    for (const warning of warnings.filter((w) => w.code?.startsWith("dialect."))) {
      expect(warning.message).toMatch(
        /written|declared|ignored|belongs|moves|names|has a|takes|asks/,
      );
      expect(warning.line).toBeGreaterThan(0);
    }
  });

  it("maps the original's settings onto du, rephrase and logging", async () => {
    const { domain } = await loadDomain(BANK.domain);
    expect(domain.settings.du).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2 });
    expect(domain.settings.rephrase).toMatchObject({ enabled: true, tone: "professional" });
    expect(domain.settings.logging.level).toBe("warn");
    expect(domain.slots.amount?.type).toBe("float");
    expect(domain.actions.send_transfer?.inputs).toBe("all");
    expect(domain.slots.transfer_ok?.type).toBe("boolean");
    expect(domain.slots.transfer_reference).toMatchObject({ type: "any", internal: true });
    expect(domain.slots.security_word?.validator).toBe("security_word");
  });

  it("drops trace_graphs and reads a natural_date slot as a date", async () => {
    const { domain, warnings = [] } = await loadDomain(WORKSHOP.domain);
    expect(domain.settings.logging).toEqual({ level: "info" });
    expect(domain.slots.purchase_day).toMatchObject({ type: "string", extract: "date" });
    const codes = (key: string) =>
      warnings.filter((w) => w.message.includes(key)).map((w) => [w.code, w.line]);
    expect(codes("trace_graphs")).toEqual([["dialect.ignored_key", 11]]);
    expect(codes("natural_date")).toEqual([["dialect.slot_normalization", 54]]);
  });

  it("locates a warning at the text as written (a step moved into a loop body)", async () => {
    const warnings = await warningsOf(BANK.domain);
    const call = warnings.find(
      (w) => w.code === "dialect.action_call" && w.message.includes("'next_alert'"),
    );
    expect(call).toMatchObject({ file: path.join(BANK.domain, "20-alerts.yaml"), line: 29 });
  });

  it("keeps the examples/banking domain free of warnings", async () => {
    expect(await warningsOf(path.join(PROJECT_ROOT, "examples/banking"))).toEqual([]);
  });

  it("locates an error found after the rewrite at the original text", async () => {
    const yaml = [
      "flows:",
      "  pay:",
      "    steps:",
      "      - step: a",
      "        type: collect",
      "        slot: x",
      "        message: 42",
      "      - step: b",
      "        type: action",
      "        call: do_it",
      "        map_outputs: nope",
    ].join("\n");
    const error = await loadDomainFromText(yaml, "old.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainLoadError);
    const errors = (error as DomainLoadError).errors;
    expect(errors.map((e) => e.line)).toEqual(expect.arrayContaining([7, 11]));
  });

  it("locates an error in a flow that got a collect step at its start", async () => {
    const yaml = [
      "flows:",
      "  find:",
      "    slots:",
      '      - { name: title, type: string, description: "Which title?" }',
      "    steps:",
      "      - step: a",
      "        type: say",
      '        message: "{title}"',
      "      - step: b",
      "        type: action",
      "        call: look_up",
      "        map_outputs: nope",
    ].join("\n");
    const error = await loadDomainFromText(yaml, "old.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainLoadError);
    const errors = (error as DomainLoadError).errors;
    expect(errors.map((e) => e.line)).toContain(12);
  });

  it("asks a question inside a jump-back loop on every pass; 'no' answers it", async () => {
    const yaml = [
      "slots:",
      "  more: { type: string, prompt: 'See more?', required: false }",
      "flows:",
      "  browse:",
      "    trigger: { intents: [show my items] }",
      "    steps:",
      "      - { step: show, type: say, message: 'A page' }",
      "      - { step: ask_more, type: collect, slot: more }",
      "      - step: route",
      "        type: branch",
      "        input: more",
      "        cases: { 'yes': show, 'no': done }",
      "      - { step: done, type: say, message: 'That is all' }",
    ].join("\n");
    const loaded = await loadDomainFromText(yaml, "old.yaml");
    const ask = loaded.domain.flows.browse!.steps.find((s) => s.step === "ask_more");
    expect(ask).toMatchObject({ type: "collect", ask_always: true });
    expect(loaded.warnings?.find((w) => w.code === "dialect.loop_collect")).toMatchObject({
      line: 8,
    });
    const du = new HeuristicUnderstanding();
    const state = inFlow(loaded, "browse", { waiting: "more" });
    // A "no" is the answer (the DM stores the word), not a declined optional slot.
    expect(du.read("no", loaded, state)).toEqual([{ type: "deny" }]);
  });

  it("reports a while body naming a step that does not exist", async () => {
    const yaml = [
      "flows:",
      "  loop:",
      "    steps:",
      "      - step: w",
      "        type: while",
      '        condition: "n < 3"',
      "        do: [missing]",
      "      - step: done",
      "        type: say",
      '        message: "ok"',
    ].join("\n");
    const error = (await loadDomainFromText(yaml, "old.yaml").catch(
      (e: unknown) => e,
    )) as DomainLoadError;
    expect(error.errors.map((e) => e.message).join("\n")).toContain(
      "the loop body names 'missing', which is not a step",
    );
  });

  it("does not declare names implicitly in a modern domain: an undeclared slot stays an error", async () => {
    const yaml = [
      "flows:",
      "  hi:",
      "    steps:",
      '      - { step: s, type: say, message: "Hi {nobody}" }',
    ].join("\n");
    const error = (await loadDomainFromText(yaml, "new.yaml").catch(
      (e: unknown) => e,
    )) as DomainLoadError;
    expect(error.errors[0]?.message).toContain("{nobody}");
  });

  it("rewrites expression words outside quoted strings only", async () => {
    const yaml = [
      "slots:",
      "  note: { type: string, prompt: Note? }",
      "flows:",
      "  f:",
      "    steps:",
      "      - step: a",
      "        type: collect",
      "        slot: note",
      "      - step: b",
      "        type: say",
      "        condition: \"note == 'AND True' OR note == None\"",
      '        message: "ok"',
    ].join("\n");
    const loaded = await loadDomainFromText(yaml, "old.yaml");
    const step = loaded.domain.flows.f!.steps[1]!;
    expect(step.condition).toBe("note == 'AND True' or note == null");
  });
});
