import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow } from "../helpers.ts";

/**
 * "while" opens a clause and names nothing asked for: a phone repair shop whose courtesy-phone
 * flow says "while mine is repaired". Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  model: { type: string, choices: [pixel, galaxy], prompt: 'Which phone?' }",
      "  lend_from: { type: date, prompt: 'From which day?' }",
      "  lend_until: { type: date, prompt: 'Until which day?' }",
      "flows:",
      "  book_repair:",
      "    description: Book a repair of a phone",
      "    trigger: { intents: ['repair my {model}', 'my {model} screen cracked'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: model }",
      "  courtesy_phone:",
      "    description: Borrow a courtesy phone",
      "    trigger: { intents: ['can I borrow a phone while mine is repaired', 'courtesy phone from {lend_from} to {lend_until}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: lend_from }",
      "      - { step: u, type: collect, slot: lend_until }",
      "  opening_hours:",
      "    description: When the shop is open",
      "    trigger: { intents: ['when are you open', 'what time does the shop close'] }",
      "    steps:",
      "      - { step: t, type: say, message: 'Open 9 to 6.' }",
    ],
    "phones.yaml",
  );
});

describe("'while' names no flow", () => {
  it("a question put 'while I have you' is that question", () => {
    const state = inFlow(shop, "book_repair", { waiting: "model" });
    const read = du.read("oh and while I have you, what time do you close today?", shop, state);
    expect(firstIntent(read)).toBe("opening_hours");
  });
  it("the flow is still asked for by its other words", () => {
    expect(
      firstIntent(du.read("can I borrow a phone while my pixel is fixed", shop, emptyState("t"))),
    ).toBe("courtesy_phone");
  });
});
