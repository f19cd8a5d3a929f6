import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/** A home alarm company, written for these tests: faults of a device, and the week's charges. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let alarms: LoadedDomain;

beforeAll(async () => {
  alarms = await loadDomainFromText(
    [
      "slots:",
      "  device:",
      "    choices: [camera, keypad]",
      "    synonyms:",
      "      camera: [monitor, video]",
      "      keypad: [signal, buttons]",
      "    prompt: 'Which device fails, the camera or the keypad?'",
      "flows:",
      "  report_fault:",
      "    description: Report a broken alarm device",
      "    trigger: { intents: ['my {device} is broken', 'the alarm is broken'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: device }",
      "  check_charges:",
      "    description: Check the charges",
      "    trigger: { intents: ['what do I pay this week'] }",
      "    steps:",
      "      - { step: s, type: say, message: Nothing }",
    ].join("\n"),
    "alarms.yaml",
  );
});

describe("what a device shows or says it has", () => {
  it("is the device's state, not a second device", () => {
    const state = inFlow(alarms, "report_fault", { waiting: "device" });
    for (const text of [
      "the monitor just shows no signal",
      "monitor says no signal since yesterday",
    ]) {
      expect(du.read(text, alarms, state), text).toEqual([
        { type: "set_slot", slot: "device", value: "camera" },
      ]);
    }
  });
});

describe("a part that counts how often it happened", () => {
  it("asks for nothing of its own", () => {
    for (const text of [
      "alarm broken again!!! second time this week",
      "the alarm is broken. 3 times this week",
    ]) {
      const read = du.read(text, alarms, emptyState("t"));
      expect(read, text).toContainEqual({ type: "start_flow", flow: "report_fault" });
      expect(read, text).not.toContainEqual(
        expect.objectContaining({ type: "start_flow", flow: "check_charges" }),
      );
    }
  });
});
