import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * A school's media room: a device named with "something's up with" or said not to come on is a
 * fault, whatever other flow takes the same device.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let room: LoadedDomain;
const started = (text: string): string | undefined =>
  du
    .read(text, room, emptyState("t"))
    .find((c): c is Extract<Command, { type: "start_flow" }> => c.type === "start_flow")?.flow;

beforeAll(async () => {
  room = await domainFromLines(
    [
      "slots:",
      "  device:",
      "    type: string",
      "    choices: [projector, scanner, tablet, smartboard]",
      "    prompt: 'Which device?'",
      "  when: { type: date, prompt: 'For which day?' }",
      "flows:",
      "  report_fault:",
      "    description: Report a broken device in the media room",
      "    trigger: { intents: ['report a fault', 'my {device} is broken', 'the {device} is not working'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: device }",
      "  borrow_device:",
      "    description: Borrow a device from the media room",
      "    trigger: { intents: ['borrow a {device}', 'can I take a {device} for {when}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: device }",
      "      - { step: w, type: collect, slot: when }",
      "  cancel_loan:",
      "    description: Cancel a device loan",
      '    trigger: { intents: ["cancel my loan", "I won\'t come to pick it up"] }',
      "    steps:",
      "      - { step: w, type: collect, slot: when }",
    ],
    "media-room.yaml",
  );
});

describe("something is up with a device", () => {
  it("reads 'something's up with' and 'what's up with' as a fault", () => {
    expect(started("something's up with the smartboard")).toBe("report_fault");
    expect(started("what's up with the scanner today?")).toBe("report_fault");
  });
});

describe("a device that does not come on", () => {
  it("reads it as a fault, not as giving a loan up", () => {
    expect(started("the projector in room 4 won't come back on")).toBe("report_fault");
    expect(started("our tablet won't switch on")).toBe("report_fault");
    expect(started("the smartboard went dead during the lesson")).toBe("report_fault");
  });
  it("still reads a borrowing as a borrowing", () => {
    expect(started("I'd like to borrow a tablet")).toBe("borrow_device");
  });
});
