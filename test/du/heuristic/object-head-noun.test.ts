import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent } from "../helpers.ts";

/**
 * The thing a booking verb asks for is its object's last noun: "a party bus" is a bus, though
 * the domain knows "party" from "party speaker". A school's AV desk that lends gear.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let av: LoadedDomain;
const read = (text: string) => du.read(text, av, emptyState("t"));

beforeAll(async () => {
  av = await domainFromLines(
    [
      "slots:",
      "  gear: { type: string, choices: [speaker, beamer], prompt: 'Which gear?',",
      "          synonyms: { speaker: [party speaker, loudspeaker], beamer: [projector] } }",
      "  day: { type: date, prompt: 'Which day?' }",
      "flows:",
      "  lend_gear:",
      "    description: Lend AV gear for a day",
      "    trigger: { intents: ['borrow a {gear} for {day}', 'book a {gear}', 'lend me a {gear}'] }",
      "    steps:",
      "      - { step: g, type: collect, slot: gear }",
      "      - { step: d, type: collect, slot: day }",
    ],
    "av.yaml",
  );
});

describe("a known word before an unknown noun names the unknown thing", () => {
  it("asks for nothing the desk does", () => {
    expect(read("can you book me a party bus for friday")).toEqual([]);
  });
  it("the domain's own thing still starts the flow", () => {
    expect(firstIntent(read("can you book me a party speaker for friday"))).toBe("lend_gear");
    expect(firstIntent(read("can you book me a projector please"))).toBe("lend_gear");
  });
});
