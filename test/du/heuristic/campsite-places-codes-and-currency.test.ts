import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * On a small campsite: a place asked as plain text ("Which town?") named after a preposition in
 * the request, a code whose digits are hyphened to its letters, a flow's own noun as a task word,
 * and the currency an amount is said in.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let camp: LoadedDomain;
let route: LoadedDomain;
let parcela: LoadedDomain;
let lessons: LoadedDomain;
let tips: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

beforeAll(async () => {
  camp = await domainFromLines(
    [
      "slots:",
      "  area: { type: string, prompt: 'Which town?' }",
      "  arrival: { type: date, prompt: 'Arriving when?' }",
      "  campers: { type: number, prompt: 'How many people?' }",
      "  voucher_code: { type: string, prompt: 'Voucher code?' }",
      "flows:",
      "  reserve_pitch:",
      "    description: Reserve a camping pitch",
      "    trigger: { intents: ['reserve a pitch', 'I need a pitch'] }",
      "    steps:",
      "      - { step: area, type: collect, slot: area }",
      "      - { step: arrival, type: collect, slot: arrival }",
      "      - { step: campers, type: collect, slot: campers }",
      "  redeem_voucher:",
      "    description: Redeem a gift voucher",
      "    trigger: { intents: ['redeem a voucher'] }",
      "    steps:",
      "      - { step: voucher_code, type: collect, slot: voucher_code }",
    ],
    "camp",
  );
  route = await domainFromLines(
    [
      "slots:",
      "  start_town: { type: string, prompt: 'Which town?' }",
      "  end_town: { type: string, prompt: 'And which town after that?' }",
      "flows:",
      "  plan_walk:",
      "    description: Plan a walk between two towns",
      "    trigger: { intents: ['plan a walk'] }",
      "    steps:",
      "      - { step: start_town, type: collect, slot: start_town }",
      "      - { step: end_town, type: collect, slot: end_town }",
    ],
    "route",
  );
  parcela = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  zona: { type: string, prompt: '¿Qué pueblo?' }",
      "flows:",
      "  reservar_parcela:",
      "    description: Reservar una parcela de camping",
      "    trigger: { intents: ['reservar una parcela', 'quiero una parcela'] }",
      "    steps:",
      "      - { step: zona, type: collect, slot: zona }",
    ],
    "parcela",
  );
  lessons = await domainFromLines(
    [
      "slots:",
      "  instrument: { type: string, prompt: 'Which instrument do you play?' }",
      "flows:",
      "  lesson_flow:",
      "    description: Lesson booking flow for music students",
      "    steps:",
      "      - { step: instrument, type: collect, slot: instrument }",
    ],
    "lessons",
  );
  tips = await domainFromLines(
    [
      "slots:",
      "  tip: { type: float, prompt: 'How much?' }",
      "  tip_currency: { type: string, prompt: 'Which currency?' }",
      "flows:",
      "  leave_tip:",
      "    description: Leave a tip for a guide",
      "    trigger: { intents: ['leave a tip', 'tip the guide'] }",
      "    steps:",
      "      - { step: tip, type: collect, slot: tip }",
      "      - { step: tip_currency, type: collect, slot: tip_currency }",
    ],
    "tips",
  );
});

describe("a place asked as plain text, named after a preposition", () => {
  it("reads the capitalised place after 'in'", () => {
    const commands = read(camp, "I need a pitch in Keswick for 3 people");
    expect(startedFlows(commands)).toEqual(["reserve_pitch"]);
    expect(readValues(commands)).toMatchObject({ area: "Keswick", campers: 3 });
  });

  it("keeps a place of two words whole", () => {
    expect(readValues(read(camp, "reserve a pitch in Glen Nevis please"))).toMatchObject({
      area: "Glen Nevis",
    });
  });

  it("takes no month for a place", () => {
    const commands = read(camp, "reserve a pitch in June");
    expect(startedFlows(commands)).toEqual(["reserve_pitch"]);
    expect(readValues(commands).area).toBeUndefined();
  });

  it("leaves a lower-case word after the preposition alone", () => {
    expect(readValues(read(camp, "I need a pitch in summer")).area).toBeUndefined();
  });

  it("guesses nothing when the flow asks for two places", () => {
    const commands = read(route, "plan a walk in Ambleside");
    expect(startedFlows(commands)).toEqual(["plan_walk"]);
    expect(readValues(commands)).toEqual({});
  });

  it("reads the place after 'en' in Spanish", () => {
    expect(readValues(read(parcela, "quiero una parcela en Cangas de Onís"))).toMatchObject({
      zona: "Cangas de Onís",
    });
  });
});

describe("a code whose digits are hyphened to its letters", () => {
  it("keeps the digits after the slot's name", () => {
    const commands = read(camp, "I want to redeem a voucher, code SPRING-20931");
    expect(startedFlows(commands)).toEqual(["redeem_voucher"]);
    expect(readValues(commands)).toMatchObject({ voucher_code: "SPRING-20931" });
  });
});

describe("a task word that is a flow's own noun", () => {
  it("starts the flow described by it, though no flow books anything", () => {
    expect(startedFlows(read(lessons, "I'd like to make a booking"))).toEqual(["lesson_flow"]);
  });

  it("still leaves a request for something else alone", () => {
    expect(startedFlows(read(lessons, "can I buy a new guitar"))).toEqual([]);
  });
});

describe("the currency an amount is said in", () => {
  it("fills the flow's plain-text currency slot with its code", () => {
    expect(readValues(read(tips, "tip the guide 20 dollars"))).toMatchObject({
      tip: 20,
      tip_currency: "USD",
    });
  });

  it("fills nothing when no currency is said", () => {
    expect(readValues(read(tips, "tip the guide 20")).tip_currency).toBeUndefined();
  });
});
