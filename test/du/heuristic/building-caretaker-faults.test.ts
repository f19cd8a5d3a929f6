import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * Faults reported to a building's caretaker: a value and its part, several values where the
 * trigger has one, one value fine and one not, an address after 'I live in', an offer turned down.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let caretaker: LoadedDomain;
const read = (text: string): Command[] => du.read(text, caretaker, emptyState("t"));
const asked = (text: string, slot: string) =>
  du.read(text, caretaker, inFlow(caretaker, "report_fault", { waiting: slot }));

beforeAll(async () => {
  caretaker = await domainFromLines(
    [
      "slots:",
      "  utility:",
      "    type: string",
      "    choices: [heating, water, electricity]",
      "    synonyms: { water: [leak, pressure], electricity: [power, lights] }",
      "    prompt: 'What is not working: heating, water or electricity?'",
      "  flat_address: { type: string, extract: address, prompt: 'At which address?' }",
      "  extras:",
      "    type: list",
      "    required: false",
      "    choices: [photos, priority]",
      "    prompt: 'Anything else: photos or priority?'",
      "flows:",
      "  report_fault:",
      "    description: Report a fault in a flat",
      "    trigger: { intents: ['report a fault', 'there is no {utility} in my flat'] }",
      "    steps:",
      "      - { step: u, type: collect, slot: utility }",
      "      - { step: a, type: collect, slot: flat_address }",
      "      - { step: e, type: collect, slot: extras }",
    ],
    "caretaker.yaml",
  );
});

describe("a value and its part", () => {
  it("reads the owner when a value 'has no' another value's word", () => {
    expect(slotsOf(read("the heating has no power since friday"))).toMatchObject({
      utility: "heating",
    });
    expect(slotsOf(asked("the heating shows no power", "utility"))).toEqual({
      utility: "heating",
    });
  });
  it("keeps the plain reading without such words", () => {
    expect(slotsOf(asked("no power", "utility"))).toEqual({ utility: "electricity" });
  });
});

describe("several values where the trigger has one", () => {
  it("gives no value for 'no X no Y'", () => {
    const commands = read("everything is broken, no heating no water");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "report_fault" });
    expect(slotsOf(commands).utility).toBeUndefined();
  });
});

describe("one value said to be fine, the other not", () => {
  it("reads the later value", () => {
    expect(slotsOf(asked("the water is fine but the heating is broken", "utility"))).toEqual({
      utility: "heating",
    });
    expect(slotsOf(asked("electricity works fine, but the water doesnt", "utility"))).toEqual({
      utility: "water",
    });
  });
});

describe("an address after 'I live in'", () => {
  it("leaves the speaker out of the address", () => {
    expect(slotsOf(asked("I live in Rua Augusta 12, Lisboa", "flat_address"))).toEqual({
      flat_address: "Rua Augusta 12, Lisboa",
    });
    expect(slotsOf(asked("We live at 4 Elm Road, Leeds", "flat_address"))).toEqual({
      flat_address: "4 Elm Road, Leeds",
    });
  });
});

describe("an offer turned down, then the slot declined", () => {
  it("skips the optional slot", () => {
    for (const text of [
      "nah I'm good",
      "no, we're fine without extras",
      "nope im ok without any additions",
    ]) {
      expect(asked(text, "extras"), text).toEqual([{ type: "skip_slot", slot: "extras" }]);
    }
  });
  it("does not skip when something is asked for after it", () => {
    expect(asked("I'm good, but photos please", "extras")).not.toEqual([
      { type: "skip_slot", slot: "extras" },
    ]);
  });
});
