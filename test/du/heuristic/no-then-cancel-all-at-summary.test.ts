import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * At the summary, a "no" followed by a cancel of all of it ("no, drop the whole thing") stops
 * the flow; a plain "no, forget it" is still a no to the summary. On a small bike repair.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bikes: LoadedDomain;

beforeAll(async () => {
  bikes = await domainFromLines(
    [
      "slots:",
      "  repair: { choices: [puncture, brakes, gears], prompt: 'What needs fixing?' }",
      "  ok: { type: boolean }",
      "flows:",
      "  book_repair:",
      "    description: Book a bike repair",
      "    trigger: { intents: ['book a bike repair'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: repair }",
      "      - { step: k, type: confirm, slot: ok, message: 'Book the {repair} repair?' }",
    ],
    "bikes.yaml",
  );
});

const read = (text: string) =>
  du.read(text, bikes, inFlow(bikes, "book_repair", { confirm: true, slots: { repair: "gears" } }));

describe("a no and a cancel of all of it at the summary", () => {
  it("cancels the flow", () => {
    expect(read("no, forget the whole thing")).toEqual([{ type: "cancel_flow" }]);
    expect(read("nope, drop it altogether")).toEqual([{ type: "cancel_flow" }]);
  });

  it("keeps a plain no a no", () => {
    expect(read("no, forget it")).toEqual([{ type: "deny" }]);
  });
});
