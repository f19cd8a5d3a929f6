import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlows } from "../helpers.ts";

/**
 * A sentence after the request that only tells why ("my back is killing me from sitting down
 * by the printer") asks for nothing, whatever thing it names: an office supplies desk that
 * also takes fault reports.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let office: LoadedDomain;
const read = (text: string) => du.read(text, office, emptyState("t"));

beforeAll(async () => {
  office = await domainFromLines(
    [
      "slots:",
      "  supply: { type: string, choices: [footrest, lamp, printer], prompt: 'What do you need?' }",
      "  device: { type: string, choices: [printer, lamp], prompt: 'Which device?' }",
      "flows:",
      "  request_supply:",
      "    description: Ask for office supplies",
      "    trigger: { intents: ['I need a {supply}', 'can I get a {supply}'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: supply }",
      "  report_fault:",
      "    description: Report a broken device",
      "    trigger: { intents: ['my {device} is broken', 'the {device} is down'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: device }",
    ],
    "office.yaml",
  );
});

describe("a reason told after the request", () => {
  it("asks for nothing of its own", () => {
    const commands = read(
      "could I get a footrest please? my back is killing me from sitting down by the printer",
    );
    expect(startedFlows(commands)).toEqual(["request_supply"]);
    expect(JSON.stringify(commands)).toContain("footrest");
    expect(JSON.stringify(commands)).not.toContain("printer");
  });
  it("two requests are still read as two", () => {
    const flows = startedFlows(read("can I get a footrest? also my printer is broken"));
    expect([...flows].sort()).toEqual(["report_fault", "request_supply"]);
  });
});
