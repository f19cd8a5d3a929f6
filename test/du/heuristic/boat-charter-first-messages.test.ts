import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, slotsOf } from "../helpers.ts";

/**
 * First messages to a small boat-charter desk: a date with no cue among two date slots, a value
 * corrected in the message, a name said as "X here", a "when I ..." question about another flow's
 * act.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let desk: LoadedDomain;
const read = (text: string): Command[] => du.read(text, desk, emptyState("t"));
const started = (text: string) => firstIntent(read(text));

beforeAll(async () => {
  desk = await domainFromLines(
    [
      "slots:",
      "  harbour: { type: string, choices: [palma, ibiza, mahon], prompt: 'Which harbour?' }",
      "  boat: { type: string, choices: [sailboat, catamaran, motorboat], prompt: 'Which boat?' }",
      "  sail_day: { type: date, prompt: 'Which day do you set sail?' }",
      "  back_day: { type: date, prompt: 'Which day do you bring the boat back?' }",
      "  skipper: { type: string, extract: person_name, prompt: 'Who is the skipper?' }",
      "  charter_code: { type: string, extract: pattern, pattern: 'BT-\\d{4}', prompt: 'Your code?' }",
      "  ok: { type: boolean }",
      "flows:",
      "  charter_boat:",
      "    description: Charter a boat",
      "    trigger:",
      "      intents: ['charter a boat', 'charter a {boat} in {harbour}',",
      "                'a boat in {harbour} on {sail_day}', 'I want to sail from {sail_day} to {back_day}']",
      "    steps:",
      "      - { step: h, type: collect, slot: harbour }",
      "      - { step: s, type: collect, slot: sail_day }",
      "      - { step: b, type: collect, slot: back_day }",
      "      - { step: t, type: collect, slot: boat }",
      "      - { step: k, type: collect, slot: skipper }",
      "  move_charter:",
      "    description: Move a boat charter to other days",
      "    trigger: { intents: ['move my charter {charter_code}', 'change the days of my charter'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: charter_code }",
      "      - { step: s, type: collect, slot: sail_day }",
      "      - { step: b, type: collect, slot: back_day }",
      "  boat_rates:",
      "    description: Day rate and deposit of a boat",
      "    trigger:",
      "      intents: ['how much is a {boat}', 'what is the deposit for a {boat}',",
      "                'how much money do you keep on my card']",
      "    steps:",
      "      - { step: t, type: collect, slot: boat }",
    ],
    "boat-desk.yaml",
  );
});

describe("a date with no cue in a flow asking two dates", () => {
  it("fills the first date slot the flow asks", () => {
    expect(slotsOf(read("charter a catamaran in ibiza tomorrow"))).toMatchObject({
      harbour: "ibiza",
      boat: "catamaran",
      sail_day: "2027-03-11",
    });
    expect(slotsOf(read("could I get a boat on friday?"))).toMatchObject({
      sail_day: "2027-03-12",
    });
    expect(slotsOf(read("a boat in mahon on next monday"))).toMatchObject({
      sail_day: "2027-03-15",
    });
    expect(slotsOf(read("charter BT-4410 ought to begin on the 19th"))).toMatchObject({
      charter_code: "BT-4410",
      sail_day: "2027-03-19",
    });
  });

  it("gives a second date, or one after a word for the end, to the later slot", () => {
    expect(slotsOf(read("a sailboat in palma on the 15th, back on the 18th"))).toMatchObject({
      sail_day: "2027-03-15",
      back_day: "2027-03-18",
    });
    const slots = slotsOf(read("a motorboat in palma until sunday"));
    expect(slots.sail_day).toBeUndefined();
    // A trigger's "on {sail_day}" takes no date from the next clause.
    expect(slotsOf(read("a boat in palma on monday, back on thursday")).sail_day).not.toBe(
      "2027-03-11",
    );
  });
});

describe("a value corrected inside the first message", () => {
  it("keeps the later value and the request", () => {
    const commands = read("charter a boat in palma, sorry I mean ibiza");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "charter_boat" });
    expect(slotsOf(commands)).toMatchObject({ harbour: "ibiza" });
    expect(slotsOf(read("a catamaran in mahon, no wait, a motorboat please"))).toMatchObject({
      boat: "motorboat",
    });
    expect(slotsOf(read("I want to charter a boat friday, I mean saturday"))).toMatchObject({
      sail_day: "2027-03-13",
    });
  });

  it("reads the Spanish take-back too", () => {
    expect(slotsOf(read("un barco en palma, perdón, quiero decir mahon"))).toMatchObject({
      harbour: "mahon",
    });
  });

  it("keeps a value another one is only compared with", () => {
    expect(slotsOf(read("charter a catamaran rather than a sailboat"))).toMatchObject({
      boat: "catamaran",
    });
  });
});

describe("the speaker's name said as a clause of its own", () => {
  it("fills the flow's one name slot", () => {
    expect(slotsOf(read("Lena Vogel here, I want to charter a sailboat in palma"))).toMatchObject({
      skipper: "Lena Vogel",
      boat: "sailboat",
    });
    expect(slotsOf(read("hello, this is Tomas Berg, can I charter a boat?"))).toMatchObject({
      skipper: "Tomas Berg",
    });
    expect(slotsOf(read("Ines Prat speaking, I'd like to charter a boat"))).toMatchObject({
      skipper: "Ines Prat",
    });
    expect(slotsOf(read("hola, soy Pau Serra, quiero un barco en ibiza"))).toMatchObject({
      skipper: "Pau Serra",
    });
  });

  it("names nobody without a capitalised name", () => {
    expect(slotsOf(read("this is urgent, I want to charter a boat")).skipper).toBeUndefined();
    expect(slotsOf(read("charter a boat in palma here")).skipper).toBeUndefined();
  });
});

describe("a question whose 'when I ...' clause names another flow's act", () => {
  it("goes to the flow the question asks about", () => {
    expect(started("is there a deposit when I charter a catamaran?")).toBe("boat_rates");
    expect(started("do you keep money on my card if I charter a motorboat?")).toBe("boat_rates");
    expect(started("when we charter a sailboat, what is the deposit?")).toBe("boat_rates");
  });

  it("keeps the request of a main clause that asks for it", () => {
    expect(started("can I charter a catamaran if I have no licence?")).toBe("charter_boat");
    expect(started("I want to charter a boat in palma when I arrive")).toBe("charter_boat");
    // The question has no word of the domain: the clause is what it asks about.
    expect(started("is it ok if we charter a boat in palma tomorrow?")).toBe("charter_boat");
    expect(started("what happens if I move my charter BT-2231?")).toBe("move_charter");
  });
});
