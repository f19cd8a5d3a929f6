import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromYaml } from "../../runtime/helpers.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * "it wasn't Monday, it was the Tuesday": of two days, the one said not to be it ("wasn't",
 * "isn't", "not") is given up; the other corrects the date. A lost property office (today is
 * Wednesday 10 March 2027).
 */
const YAML = `
slots:
  item: { type: string, prompt: "What did you lose?", choices: [bag, phone, keys] }
  lost_on: { type: date, prompt: "When did you lose it?", description: "The day it happened." }
  ok: { type: boolean }
flows:
  lost_item:
    description: Report a lost item
    trigger: { intents: ["I lost my {item}"] }
    steps:
      - { step: i, type: collect, slot: item }
      - { step: d, type: collect, slot: lost_on }
      - { step: c, type: confirm, slot: ok, message: "Your {item}, lost on {lost_on}?" }
      - { step: done, type: say, message: "Reported." }
`;

const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let office: LoadedDomain;

beforeAll(async () => {
  office = await domainFromYaml(YAML);
});

describe("a day said not to be the one", () => {
  it("gives way to the other day at the confirmation", () => {
    const state = inFlow(office, "lost_item", {
      confirm: true,
      slots: { item: "bag", lost_on: "2027-03-08" },
    });
    for (const text of [
      "hang on, it wasn't Monday, it was the Tuesday",
      "sorry it wasn't monday it was tuesday",
    ]) {
      expect(du.read(text, office, state), text).toEqual([
        { type: "correct_slot", slot: "lost_on", value: "2027-03-09" },
      ]);
    }
  });
  it("is no answer when asked either", () => {
    const state = inFlow(office, "lost_item", { waiting: "lost_on", slots: { item: "bag" } });
    expect(du.read("it isn't Monday I think, it was Tuesday", office, state)).toContainEqual(
      expect.objectContaining({ slot: "lost_on", value: "2027-03-09" }),
    );
  });
});
