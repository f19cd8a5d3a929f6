import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findIbans } from "../../../src/du/heuristic/extract/codes.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command, SlotValue } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * Stays and answers on a cabin rental: one of the asked thing, short forms of tomorrow, arriving
 * and leaving, a list item added after a decline, the speaker counted with others, a code like an
 * IBAN's start.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let cabins: LoadedDomain;
const read = (text: string): Command[] => du.read(text, cabins, emptyState("t"));
const asked = (text: string, slot: string, slots: Record<string, SlotValue> = {}) =>
  du.read(text, cabins, inFlow(cabins, "rent_cabin", { waiting: slot, slots }));
const atSummary = (text: string, slots: Record<string, SlotValue>) =>
  du.read(text, cabins, inFlow(cabins, "rent_cabin", { confirm: true, slots }));

beforeAll(async () => {
  cabins = await domainFromLines(
    [
      "slots:",
      "  lake: { type: string, choices: [tahoe, placid, george], prompt: 'Which lake?' }",
      "  arrival: { type: date, prompt: 'Which day do you arrive?' }",
      "  nights: { type: number, prompt: 'How many nights?' }",
      "  campers: { type: number, prompt: 'How many people?' }",
      "  gear:",
      "    type: list",
      "    required: false",
      "    choices: [kayak, bikes, firewood]",
      "    prompt: 'Any gear: kayak, bikes or firewood?'",
      "  renter: { type: string, extract: person_name, prompt: 'Under which name?' }",
      "  ok: { type: boolean }",
      "actions:",
      "  rent: { inputs: [lake, arrival, nights, campers, gear, renter] }",
      "flows:",
      "  rent_cabin:",
      "    description: Rent a cabin by a lake",
      "    trigger: { intents: ['rent a cabin', 'a cabin at {lake} for {nights} nights'] }",
      "    steps:",
      "      - { step: l, type: collect, slot: lake }",
      "      - { step: a, type: collect, slot: arrival }",
      "      - { step: n, type: collect, slot: nights }",
      "      - { step: p, type: collect, slot: campers }",
      "      - { step: g, type: collect, slot: gear }",
      "      - { step: r, type: collect, slot: renter }",
      "      - { step: c, type: confirm, slot: ok, message: 'Book it?' }",
      "      - { step: go, type: action, action: rent }",
    ],
    "cabins.yaml",
  );
});

describe("one of the asked thing", () => {
  it("counts one when 'one' comes before the asked slot's word", () => {
    expect(slotsOf(asked("one night", "nights"))).toEqual({ nights: 1 });
    expect(slotsOf(asked("just one night please", "nights"))).toEqual({ nights: 1 });
    expect(slotsOf(asked("one person", "campers"))).toEqual({ campers: 1 });
  });
});

describe("typed short forms of tomorrow", () => {
  it("reads tmrw and tmr as tomorrow", () => {
    expect(slotsOf(asked("tmrw", "arrival"))).toEqual({ arrival: "2027-03-11" });
    expect(slotsOf(asked("tmr pls", "arrival"))).toEqual({ arrival: "2027-03-11" });
  });
});

describe("a stay said as arriving and leaving", () => {
  it("reads 'leave on the 12th' as the end of the stay", () => {
    const slots = slotsOf(read("rent a cabin, we arrive on the 3rd of May and leave on the 6th"));
    expect(slots).toMatchObject({ arrival: "2027-05-03", nights: 3 });
  });
});

describe("an item added to a list declined earlier", () => {
  const filled = {
    lake: "tahoe",
    arrival: "2027-05-03",
    nights: 2,
    campers: 2,
    gear: null,
    renter: "Ana Ruiz",
  };
  it("fills the declined list at the summary, changing that answer", () => {
    expect(atSummary("oh wait, could you add firewood?", filled)).toEqual([
      { type: "correct_slot", slot: "gear", value: ["firewood"] },
    ]);
    expect(atSummary("add a kayak", filled)).toEqual([
      { type: "correct_slot", slot: "gear", value: ["kayak"] },
    ]);
  });
});

describe("the speaker counted with others", () => {
  it("adds the speaker to a number of others", () => {
    expect(slotsOf(read("me and 3 mates want a cabin at tahoe for 2 nights"))).toMatchObject({
      campers: 4,
      nights: 2,
    });
    expect(slotsOf(asked("me and 2 colleagues", "campers"))).toEqual({ campers: 3 });
    expect(slotsOf(asked("my 2 sisters and me", "campers"))).toEqual({ campers: 3 });
  });
  it("counts a couple when the numbers said count other things", () => {
    expect(
      slotsOf(read("my partner and I would like a cabin at placid for three nights")),
    ).toMatchObject({ campers: 2, nights: 3 });
  });
  it("reads 'it would be just me' in a longer message", () => {
    expect(slotsOf(read("any cabins free at george? it would be just me"))).toMatchObject({
      campers: 1,
    });
  });
});

describe("a code that only looks like an IBAN's start", () => {
  it("is no IBAN: the prose after it keeps its numbers", () => {
    expect(findIbans("move XY123456 for 4 nights")).toEqual([]);
    expect(findIbans("ES91 2100 0418 4502 0005 1332 thanks")).toHaveLength(1);
  });
});
