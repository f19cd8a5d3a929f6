import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * A heating company written for this test: a fault report named by its fault kinds, and an
 * invoice look-up that does the act of "what's happening" ("check", look up).
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let heat: LoadedDomain;

beforeAll(async () => {
  heat = await loadDomainFromText(
    [
      "slots:",
      "  fault:",
      "    choices: [no_heat, leak]",
      "    synonyms: { no_heat: [no heating, heating is off, radiators cold], leak: [leak, leaking] }",
      "    prompt: 'What is wrong?'",
      "  since_when: { type: date, prompt: 'Since when has it been failing?' }",
      "  invoice_no: { extract: pattern, pattern: 'INV-\\d{4}', prompt: 'Which invoice?' }",
      "flows:",
      "  report_fault:",
      "    description: Report a heating fault",
      "    trigger: { intents: ['report a {fault}', 'my heating is broken', 'the boiler has no heating'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: fault }",
      "      - { step: s, type: collect, slot: since_when }",
      "  check_invoice:",
      "    description: Check an invoice",
      "    trigger: { intents: ['check my invoice', 'show invoice {invoice_no}', 'how much do I owe'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: invoice_no }",
    ].join("\n"),
    "heat.yaml",
  );
});

const read = (text: string) => du.read(text, heat, emptyState("t"));

describe("a runner-up that only does the asked act and names nothing of its own", () => {
  it("does not take the message from the flow its own words and value name", () => {
    expect(startedFlow(read("no heating since yesterday, what's going on"))).toBe("report_fault");
  });
  it("still wins where it names its own thing", () => {
    expect(startedFlow(read("check my invoice please"))).toBe("check_invoice");
  });
});
