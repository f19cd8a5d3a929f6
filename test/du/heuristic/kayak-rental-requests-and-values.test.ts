import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a small kayak-rental shop: "a week" said to a slot counting weeks, a kept-back answer to an
 * optional question, an offer turned down with a reason, a word that is a date and a choice at
 * once, a question about the shop that one flow explains fully.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;
let tienda: LoadedDomain;
const read = (text: string, state = emptyState("t")): Command[] => du.read(text, shop, state);

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "slots:",
      "  boat: { type: string, choices: [kayak, canoe, paddleboard], prompt: 'Which boat?' }",
      "  launch_day: { type: date, prompt: 'Which day?' }",
      "  slot_of_day:",
      "    type: string",
      "    choices: [dawn, noon, dusk]",
      "    synonyms: { dusk: [tonight, sunset], dawn: [sunrise] }",
      "    prompt: 'Dawn, noon or dusk?'",
      "  gear: { type: list, choices: [helmet, wetsuit, drybag], required: false, prompt: 'Any gear?' }",
      "  rental_weeks: { type: integer, aliases: [week, weeks], prompt: 'How many weeks?' }",
      "  feedback: { type: string, required: false, prompt: 'Anything we could do better?' }",
      "  hours: { type: string, internal: true }",
      "  phone: { type: string, extract: digits, min_length: 9, max_length: 12, prompt: 'Phone?' }",
      "  pin: { type: string, extract: digits, length: 4, prompt: 'PIN?' }",
      "flows:",
      "  rent_boat:",
      "    description: Rent a boat for a trip on the lake",
      "    trigger: { intents: ['rent a {boat}', 'I want a {boat} on {launch_day} at {slot_of_day}'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: boat }",
      "      - { step: d, type: collect, slot: launch_day }",
      "      - { step: t, type: collect, slot: slot_of_day }",
      "      - { step: g, type: collect, slot: gear }",
      "  season_pass:",
      "    description: Buy a season pass for some weeks",
      "    trigger: { intents: ['buy a season pass', 'a pass for {rental_weeks} weeks'] }",
      "    steps:",
      "      - { step: w, type: collect, slot: rental_weeks }",
      "      - { step: f, type: collect, slot: feedback }",
      "  call_me_back:",
      "    description: Ask the boathouse to call you back",
      "    trigger: { intents: ['call me back'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: phone }",
      "      - { step: n, type: collect, slot: pin }",
      "  shop_hours:",
      "    description: When the boathouse opens and closes",
      "    trigger: { intents: ['when does the boathouse open', 'boathouse hours'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'We open at dawn.' }",
    ],
    "kayak-shop.yaml",
  );
  tienda = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  meses: { type: integer, aliases: [mes, meses], prompt: '¿Cuántos meses?' }",
      "  motivo: { type: string, required: false, prompt: '¿Por qué?' }",
      "flows:",
      "  pausar_cuota:",
      "    description: Pausar la cuota unos meses",
      "    trigger: { intents: ['pausar mi cuota', 'pausar la cuota {meses} meses'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: meses }",
      "      - { step: r, type: collect, slot: motivo }",
    ],
    "tienda.yaml",
  );
});

describe("an article or 'one' before the unit a number slot counts says 1", () => {
  it("reads 'a week' and 'just one week' as the answer", () => {
    const state = inFlow(shop, "season_pass", { waiting: "rental_weeks" });
    expect(slotsOf(read("only a week please", state))).toEqual({ rental_weeks: 1 });
    expect(slotsOf(read("just one week", state))).toEqual({ rental_weeks: 1 });
    expect(slotsOf(read("3 weeks", state))).toEqual({ rental_weeks: 3 });
  });

  it("reads 'a week' in a first message", () => {
    const commands = read("could I get a season pass for a week?");
    expect(firstIntent(commands)).toBe("season_pass");
    expect(slotsOf(commands)).toEqual({ rental_weeks: 1 });
  });

  it("reads 'un mes' in Spanish", () => {
    const state = inFlow(tienda, "pausar_cuota", { waiting: "meses" });
    expect(slotsOf(du.read("solo un mes", tienda, state))).toEqual({ meses: 1 });
  });

  it("leaves a bare article before another word alone", () => {
    const state = inFlow(shop, "season_pass", { waiting: "rental_weeks" });
    expect(slotsOf(read("a kayak", state)).rental_weeks).toBeUndefined();
  });
});

describe("generic declines of an optional question", () => {
  it("keeps a free-text answer back: no value", () => {
    const state = inFlow(shop, "season_pass", { waiting: "feedback", slots: { rental_weeks: 2 } });
    for (const text of ["I'd rather not say", "prefer not to say", "skip", "pass"]) {
      expect(read(text, state), text).toEqual([{ type: "skip_slot", slot: "feedback" }]);
    }
  });

  it("keeps it back in Spanish", () => {
    const state = inFlow(tienda, "pausar_cuota", { waiting: "motivo", slots: { meses: 2 } });
    expect(du.read("prefiero no decirlo", tienda, state)).toEqual([
      { type: "skip_slot", slot: "motivo" },
    ]);
  });

  it("turns down an optional list with a reason after it", () => {
    const state = inFlow(shop, "rent_boat", {
      waiting: "gear",
      slots: { boat: "kayak", launch_day: "2027-03-12", slot_of_day: "dawn" },
    });
    for (const text of [
      "nah I'm good, I brought my own from home",
      "no need, a friend lends me his",
      "I'm fine, thanks",
    ]) {
      expect(read(text, state), text).toEqual([{ type: "skip_slot", slot: "gear" }]);
    }
  });
});

describe("one word for a date and a choice", () => {
  it("'tonight' sets the day and the choice it is a synonym of", () => {
    const commands = read("I want a canoe tonight");
    expect(firstIntent(commands)).toBe("rent_boat");
    expect(slotsOf(commands)).toEqual({
      boat: "canoe",
      launch_day: "2027-03-10",
      slot_of_day: "dusk",
    });
  });
});

describe("a question about the business that one flow explains fully", () => {
  it("starts that flow rather than going out of scope", () => {
    expect(firstIntent(read("when does your boathouse open?"))).toBe("shop_hours");
  });

  it("still leaves a question no flow explains out of scope", () => {
    expect(read("what is your address?")).toEqual([{ type: "out_of_scope" }]);
  });
});

describe("digits typed in groups, up to the slot's longest", () => {
  it("reads a phone typed with spaces or dashes", () => {
    const state = inFlow(shop, "call_me_back", { waiting: "phone" });
    for (const text of ["07912 345678", "0770 090 0123", "07912-345678", "it's 07700 900123"]) {
      const value = slotsOf(read(text, state)).phone;
      expect(value, text).toBe(text.replace(/\D/g, ""));
    }
  });

  it("does not join more digits than the slot takes", () => {
    const state = inFlow(shop, "call_me_back", { waiting: "phone" });
    expect(slotsOf(read("0791 2345 6789 01", state)).phone).toBeUndefined();
    const pin = inFlow(shop, "call_me_back", { waiting: "pin", slots: { phone: "079123456789" } });
    expect(slotsOf(read("4 8 2 1", pin))).toEqual({ pin: "4821" });
  });
});
