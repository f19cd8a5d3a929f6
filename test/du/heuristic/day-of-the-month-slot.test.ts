import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * A magazine subscription whose renewal day is a day of the month (a number, not a date),
 * next to a flow with a real date slot that "the 12th" could also fill. Written for this test.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let mags: LoadedDomain;

beforeAll(async () => {
  mags = await loadDomainFromText(
    [
      "slots:",
      "  renewal_day:",
      "    type: integer",
      "    extract: number",
      "    prompt: 'Which day of the month should the subscription renew? From 1 to 28.'",
      "  copies: { type: integer, prompt: 'How many copies?' }",
      "  pause_from: { type: date, prompt: 'From which date should we pause deliveries?' }",
      "flows:",
      "  renewal_day_change:",
      "    description: Change the day the subscription renews",
      "    trigger: { intents: ['change my renewal day', 'renew my subscription on a different day'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: renewal_day }",
      "  pause_deliveries:",
      "    description: Pause the magazine deliveries",
      "    trigger: { intents: ['pause my deliveries', 'stop the magazines for a while'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: pause_from }",
      "  order_copies:",
      "    description: Order extra copies",
      "    trigger: { intents: ['order extra copies'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: copies }",
    ].join("\n"),
    "mags.yaml",
  );
});

const asked = (text: string) =>
  du.read(text, mags, inFlow(mags, "renewal_day_change", { waiting: "renewal_day" }));

describe("a number slot asked as a day of the month", () => {
  it("takes an ordinal day as its number, not as a date for another flow", () => {
    expect(asked("the 12th")).toEqual([{ type: "set_slot", slot: "renewal_day", value: 12 }]);
    expect(slotsOf(asked("on the 3rd please"))).toEqual({ renewal_day: 3 });
    expect(slotsOf(asked("9"))).toEqual({ renewal_day: 9 });
  });
  it("keeps the last of two days when the first is taken back", () => {
    expect(slotsOf(asked("the 4th, no sorry the 6th"))).toEqual({ renewal_day: 6 });
  });
  it("is filled by the request that starts its flow", () => {
    const read = du.read("change my renewal day to the 21st", mags, inFlow(mags, "order_copies"));
    expect(slotsOf(read)).toMatchObject({ renewal_day: 21 });
  });
  it("leaves a flow's real date slot reading the same words as a date", () => {
    const read = du.read(
      "the 12th",
      mags,
      inFlow(mags, "pause_deliveries", { waiting: "pause_from" }),
    );
    expect(slotsOf(read)).toEqual({ pause_from: "2027-03-12" });
  });
  it("a count is no day of the month: an ordinal is not read for it", () => {
    const read = du.read("the 12th", mags, inFlow(mags, "order_copies", { waiting: "copies" }));
    expect(slotsOf(read).copies).toBeUndefined();
  });
});
