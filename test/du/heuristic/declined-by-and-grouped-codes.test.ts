import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A coach company's desk, written for these tests: an optional return day whose `declined_by`
 * names the trip that has none, and a ticket code of letters and digits without a hyphen.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let coach: LoadedDomain;
let plain: LoadedDomain;

const lines = (declinedBy: string) => [
  "slots:",
  "  town: { type: string, choices: [york, leeds, hull], prompt: 'Where to?' }",
  "  outward: { type: date, prompt: 'Which day do you travel?' }",
  `  homeward: { type: date, required: false, prompt: 'When do you come back?'${declinedBy} }`,
  "  ticket: { type: string, extract: pattern, pattern: '[A-Z]{2}[0-9][A-Z0-9]{3}', prompt: 'Your ticket code?' }",
  "flows:",
  "  buy_ticket:",
  "    description: Buy a coach ticket",
  "    trigger: { intents: ['a coach ticket to {town}', 'buy a ticket to {town} on {outward}'] }",
  "    steps:",
  "      - { step: t, type: collect, slot: town }",
  "      - { step: o, type: collect, slot: outward }",
  "      - { step: h, type: collect, slot: homeward }",
  "  refund_ticket:",
  "    description: Refund a coach ticket",
  "    trigger: { intents: ['refund my ticket {ticket}'] }",
  "    steps:",
  "      - { step: k, type: collect, slot: ticket }",
];

beforeAll(async () => {
  coach = await loadDomainFromText(lines(", declined_by: [single]").join("\n"), "coach.yaml");
  plain = await loadDomainFromText(lines("").join("\n"), "plain.yaml");
});

const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

describe("a declined_by phrase of an optional slot in the first message", () => {
  it("declines the slot when the first message names it", () => {
    for (const text of ["a single ticket to york please", "coach to leeds tomorrow, single"]) {
      expect(read(coach, text), text).toContainEqual({ type: "skip_slot", slot: "homeward" });
    }
  });

  it("is the slot's own phrase: a slot without one declines nothing", () => {
    expect(read(plain, "a single ticket to york please")).not.toContainEqual({
      type: "skip_slot",
      slot: "homeward",
    });
  });

  it("leaves a message that does not name it alone", () => {
    expect(read(coach, "a ticket to hull on friday")).not.toContainEqual({
      type: "skip_slot",
      slot: "homeward",
    });
  });
});

describe("a code without hyphens typed in groups", () => {
  it("is read joined, in the pattern's capitals", () => {
    const state = inFlow(coach, "refund_ticket", { waiting: "ticket" });
    for (const text of ["it's yk 4a 7c", "code YK4-A7C"]) {
      expect(du.read(text, coach, state), text).toEqual([
        { type: "set_slot", slot: "ticket", value: "YK4A7C" },
      ]);
    }
  });

  it("in a first message too", () => {
    expect(read(coach, "refund my ticket lh-2b9q please")).toContainEqual({
      type: "set_slot",
      slot: "ticket",
      value: "LH2B9Q",
    });
  });

  it("never from one-letter words", () => {
    const state = inFlow(coach, "refund_ticket", { waiting: "ticket" });
    expect(du.read("a b 2 c d e", coach, state)).not.toContainEqual(
      expect.objectContaining({ slot: "ticket", value: "AB2CDE" }),
    );
  });
});
