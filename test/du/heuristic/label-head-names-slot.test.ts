import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * A label's head names its slot: "the summary is wrong" where the label is "summary of the
 * complaint". A council's complaints desk.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let council: LoadedDomain;
const atConfirm = (text: string) =>
  du.read(
    text,
    council,
    inFlow(council, "complain", {
      confirm: true,
      slots: { street: "Mill Lane", complaint_text: "bins not collected" },
    }),
  );

beforeAll(async () => {
  council = await domainFromLines(
    [
      "slots:",
      "  street: { type: string, extract: free_text, prompt: 'Which street?', label: 'street name' }",
      "  complaint_text: { type: string, extract: free_text, prompt: 'What happened?',",
      "                    label: 'summary of the complaint' }",
      "  ok: { type: boolean }",
      "flows:",
      "  complain:",
      "    description: Make a complaint",
      "    trigger: { intents: ['make a complaint'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: street }",
      "      - { step: c, type: collect, slot: complaint_text }",
      "      - { step: k, type: confirm, slot: ok, message: 'Send it?' }",
    ],
    "council.yaml",
  );
});

describe("the head of a slot's label names it", () => {
  it("'no, the summary isn't right' says which to change", () => {
    expect(atConfirm("no, the summary isn't right")).toEqual([
      { type: "deny", slot_to_change: "complaint_text" },
    ]);
  });
  it("the whole label still does", () => {
    expect(atConfirm("no, the street name is wrong")).toEqual([
      { type: "deny", slot_to_change: "street" },
    ]);
  });
});
