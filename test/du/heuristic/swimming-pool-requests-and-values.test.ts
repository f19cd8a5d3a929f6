import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findNumbers } from "../../../src/du/heuristic/extract/numbers.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * On a small swimming pool: a number after its slot's name, a value that fits no slot of a second
 * request, a texted synonym, things not received, prices, counts and the way to a place.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let pool: LoadedDomain;
let piscina: LoadedDomain;
const first = (text: string): Command[] => du.read(text, pool, emptyState("t"));
const started = startedFlows;
const values = readValues;

beforeAll(async () => {
  pool = await domainFromLines(
    [
      "slots:",
      "  lane:",
      "    type: string",
      "    choices: [fast, slow, family]",
      "    label: lane",
      "    prompt: 'Which lane?'",
      "  session:",
      "    type: string",
      "    choices: [morning, evening]",
      "    synonyms: { evening: [tonight, after work] }",
      "    prompt: 'Morning or evening?'",
      "  swim_date: { type: date, prompt: 'Which day?' }",
      "  pass_number:",
      "    extract: digits",
      "    length: 7",
      "    prompt: 'Your pass number?'",
      "    aliases: [member number, card number]",
      "  pause_weeks: { type: integer, prompt: 'For how many weeks?', aliases: [weeks] }",
      "  guest_phone:",
      "    extract: pattern",
      "    pattern: '\\d{9,12}'",
      "    prompt: 'A phone number for the guest?'",
      "    aliases: [number, phone]",
      "  receipt_ref: { type: string, extract: pattern, pattern: 'RC-\\d{4}', prompt: 'The receipt reference?' }",
      "flows:",
      "  book_lane:",
      "    description: Book a swimming lane",
      "    trigger:",
      "      intents: ['book a lane', 'book the {lane} lane on {swim_date}', 'buy a swim in the {session}']",
      "    steps:",
      "      - { step: l, type: collect, slot: lane }",
      "      - { step: d, type: collect, slot: swim_date }",
      "      - { step: s, type: collect, slot: session }",
      "  pause_pass:",
      "    description: Pause a season pass",
      "    trigger:",
      "      intents: ['pause my pass', 'pause pass {pass_number} for {pause_weeks} weeks', 'put my pass on hold']",
      "    steps:",
      "      - { step: n, type: collect, slot: pass_number }",
      "      - { step: w, type: collect, slot: pause_weeks }",
      "  guest_visit:",
      "    description: A visit for a guest without a pass",
      "    trigger:",
      "      intents: ['I am not a member, can I come as a guest', 'book a guest visit']",
      "    steps:",
      "      - { step: p, type: collect, slot: guest_phone }",
      "  receipt_status:",
      "    description: Check a receipt that was sent",
      "    trigger:",
      "      intents: ['where is my receipt', 'check receipt {receipt_ref}', 'my receipt never arrived']",
      "    steps:",
      "      - { step: r, type: collect, slot: receipt_ref }",
      "  cancel_lane:",
      "    description: Cancel a lane booking",
      "    trigger:",
      "      intents: ['cancel my lane booking', 'I cannot make my lane, please cancel it']",
      "    steps:",
      "      - { step: r, type: collect, slot: receipt_ref }",
      "  end_pass:",
      "    description: End a season pass",
      "    trigger:",
      "      intents: ['cancel my season pass', 'end my membership']",
      "    steps:",
      "      - { step: n, type: collect, slot: pass_number }",
      "  ask_receipt:",
      "    description: Ask for a receipt of a swim",
      "    trigger:",
      "      intents: ['I need a receipt', 'a receipt for my swim please']",
      "    steps:",
      "      - { step: l, type: collect, slot: lane }",
    ],
    "pool.yaml",
  );
  piscina = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  recibo: { type: string, extract: pattern, pattern: 'RC-\\d{4}', prompt: '¿Referencia?' }",
      "  calle: { type: string, choices: [rapida, lenta], prompt: '¿Qué calle?' }",
      "flows:",
      "  estado_recibo:",
      "    description: Consultar un recibo enviado",
      "    trigger:",
      "      intents: ['dónde está mi recibo', 'consultar el recibo {recibo}']",
      "    steps:",
      "      - { step: r, type: collect, slot: recibo }",
      "  reservar_calle:",
      "    description: Reservar una calle",
      "    trigger:",
      "      intents: ['reservar una calle', 'quiero la calle {calle}', 'quiero un recibo de mi calle']",
      "    steps:",
      "      - { step: c, type: collect, slot: calle }",
    ],
    "piscina.yaml",
  );
});

describe("a number said after its slot's name", () => {
  it("is evidence for the flow that takes it, and its name no word of another flow", () => {
    const commands = first("my member number is 1234567 and I need a break");
    expect(started(commands)).toEqual(["pause_pass"]);
    expect(values(commands)).toMatchObject({ pass_number: "1234567" });
  });

  it("is not given to a slot of another flow whose shape it does not fit", () => {
    const commands = first("pause my pass please, and book a guest visit, number 12345");
    expect(values(commands).guest_phone).toBeUndefined();
  });
});

describe("a texting spelling of a synonym", () => {
  it("says the synonym", () => {
    expect(values(first("book the fast lane tonite"))).toMatchObject({ session: "evening" });
    expect(values(first("slow lane 2nite pls"))).toMatchObject({ session: "evening" });
  });
});

describe("a thing not received, told in other words", () => {
  it("asks after it", () => {
    expect(started(first("I still haven't got my receipt"))).toEqual(["receipt_status"]);
    expect(started(first("I didn't get the receipt"))).toEqual(["receipt_status"]);
    expect(started(first("has RC-1234 been processed?"))).toEqual(["receipt_status"]);
  });

  it("in Spanish too", () => {
    const read = (text: string) => started(du.read(text, piscina, emptyState("t")));
    expect(read("no me ha llegado el recibo")).toEqual(["estado_recibo"]);
    expect(read("todavía no he recibido mi recibo")).toEqual(["estado_recibo"]);
  });
});

describe("a cancel whose values name the thing", () => {
  it("is the cancel of the flow whose words name it, not of another thing", () => {
    expect(started(first("can't do family tomorrow, cancel it pls"))).toEqual(["cancel_lane"]);
    expect(started(first("I booked the slow one by mistake, can I undo it?"))).toEqual([
      "cancel_lane",
    ]);
  });
});

describe("the price of the thing named", () => {
  it("is asked of no flow where nothing is paid or priced", () => {
    expect(first("how much is the season pass?")).toEqual([{ type: "out_of_scope" }]);
    expect(du.read("¿cuánto es la calle rápida?", piscina, emptyState("t"))).toEqual([
      { type: "out_of_scope" },
    ]);
  });
});

describe("a count written as times a number", () => {
  it("is the number, its span taking the sign", () => {
    expect(findNumbers("slow lane x2 pls")).toMatchObject([{ value: 2, start: 10, end: 12 }]);
    expect(findNumbers("×3 swims")).toMatchObject([{ value: 3, start: 0, end: 2 }]);
    // A size like "2x4" is no count.
    expect(findNumbers("a 2x4 board")).toEqual([]);
  });
});

describe("the way to a place", () => {
  it("is no question about what the assistant asks", () => {
    const commands = first("how do I get to the pool by bus?");
    expect(commands.some((c) => c.type === "clarify")).toBe(false);
  });
});
