import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, firstIntent, inFlow, slotsOf } from "../helpers.ts";

/**
 * Language-pack words (articleNouns, clauseOpeners, asks, excessWords, selfFuture, givenUp) and
 * 'just', read on a bike workshop that books, moves and cancels services. Today is Wednesday 10
 * March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let bikes: LoadedDomain;
const read = (text: string): Command[] => du.read(text, bikes, emptyState("t"));

beforeAll(async () => {
  bikes = await loadDomainFromText(
    [
      "slots:",
      "  service_kind:",
      "    type: string",
      "    choices: [tune_up, puncture, brakes]",
      "    synonyms: { tune_up: [tune up, full service], puncture: [flat tyre], brakes: [brake pads] }",
      "    prompt: 'Which service: tune up, puncture or brakes?'",
      "  service_date: { type: date, prompt: 'Which day?' }",
      "  slot_time:",
      "    type: string",
      "    choices: [morning, afternoon]",
      "    synonyms: { morning: [early, am], afternoon: [late, pm, evening] }",
      "    prompt: 'Morning or afternoon?'",
      "  job_code: { type: string, extract: pattern, pattern: 'BK-\\d{4}', prompt: 'Which job code?' }",
      "flows:",
      "  book_service:",
      "    description: Book a bike service",
      "    trigger:",
      "      intents: ['book a service for my bike', 'can I bring my bike in on {service_date}', 'a {service_kind} in the {slot_time}']",
      "    steps:",
      "      - { step: k, type: collect, slot: service_kind }",
      "      - { step: d, type: collect, slot: service_date }",
      "      - { step: t, type: collect, slot: slot_time }",
      "  move_service:",
      "    description: Move a service to another day",
      "    trigger: { intents: ['move my service {job_code} to {service_date}', 'change my service day'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: job_code }",
      "      - { step: d, type: collect, slot: service_date }",
      "      - { step: t, type: collect, slot: slot_time }",
      "  cancel_service:",
      "    description: Cancel a service",
      "    trigger: { intents: ['cancel my service {job_code}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: job_code }",
    ].join("\n"),
    "bikes.yaml",
  );
});

describe("a task verb after an article or possessive names an event (pack articleNouns)", () => {
  it("'since the move' asks for no change", () => {
    const got = read(
      "Do you have anything for a puncture? The wheel has been wobbling since the move.",
    );
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toEqual({ service_kind: "puncture" });
  });
  it("the verb itself still asks", () => {
    expect(firstIntent(read("move my service please"))).toBe("move_service");
  });
});

describe("'and I'd like' opens the request's own clause (pack clauseOpeners)", () => {
  it("a story joined to the request by 'and'", () => {
    const got = read(
      "my son crashed it on the way to school last week and I'd like the mechanic to have a look at the brakes",
    );
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toEqual({ service_kind: "brakes" });
  });
  it("'my wife and I would like' is still one request", () => {
    const got = read("my wife and I would like to book a tune up for friday");
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toMatchObject({ service_kind: "tune_up" });
  });
});

describe("'do you have', 'anyone free' ask (pack asks)", () => {
  it("a question about what is free, then the story", () => {
    const got = read(
      "Have you got anything this week for a tune up? The gears keep slipping since I left it out in the rain",
    );
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toMatchObject({ service_kind: "tune_up" });
  });
});

describe("a choice said to be too much is not wanted (pack excessWords)", () => {
  it("'too late to change' asks for no afternoon", () => {
    const got = read("Is it too late to change the day of my service?");
    expect(firstIntent(got)).toBe("move_service");
    expect(slotsOf(got)).toEqual({});
  });
  it("as the answer, the other value said is the one", () => {
    const got = du.read(
      "too early for me, afternoon please",
      bikes,
      inFlow(bikes, "book_service", { waiting: "slot_time" }),
    );
    expect(slotsOf(got)).toEqual({ slot_time: "afternoon" });
  });
});

describe("after a cancel phrase, what the speaker will do is no request (pack selfFuture)", () => {
  const asked = () => inFlow(bikes, "book_service", { waiting: "service_date" });
  it("'I'll ring another day' only stops the flow", () => {
    expect(du.read("never mind, I'll ring another day", bikes, asked())).toEqual([
      { type: "cancel_flow" },
    ]);
  });
  it("a verb of an act still asks for its flow", () => {
    const got = du.read("never mind, I'll move it to another day", bikes, asked());
    expect(got[0]).toEqual({ type: "cancel_flow" });
    expect(firstIntent(got.slice(1))).toBe("move_service");
  });
});

describe("a day after 'except' is given up (pack givenUp)", () => {
  it("in a first message", () => {
    const got = read("a tune up please, any day except friday");
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toEqual({ service_kind: "tune_up" });
  });
  it("as the answer, the other day said is the one", () => {
    const got = du.read(
      "whenever next week apart from thursday, say tuesday",
      bikes,
      inFlow(bikes, "book_service", { waiting: "service_date" }),
    );
    expect(slotsOf(got)).toEqual({ service_date: "2027-03-16" });
  });
});

describe("of two values of one choice, the later one after 'just' is settled on", () => {
  it("in a first message", () => {
    const got = read("not enough time for a full service, just a puncture please");
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toEqual({ service_kind: "puncture" });
  });
});

describe("a date said by its part of the day gives the part of the day too", () => {
  it("'this afternoon' is today and the afternoon", () => {
    const got = read("can I bring my bike in this afternoon for a puncture");
    expect(firstIntent(got)).toBe("book_service");
    expect(slotsOf(got)).toEqual({
      service_kind: "puncture",
      service_date: "2027-03-10",
      slot_time: "afternoon",
    });
  });
});

describe("a story's last clause that names nothing is read with the clause it closes", () => {
  let taller: LoadedDomain;
  beforeAll(async () => {
    taller = await loadDomainFromText(
      [
        "settings: { language: es }",
        "slots:",
        "  pieza:",
        "    type: string",
        "    choices: [frenos, cadena, rueda]",
        "    synonyms: { frenos: [freno], rueda: [pinchazo] }",
        "    prompt: '¿Qué le pasa: frenos, cadena o rueda?'",
        "  dia: { type: date, prompt: '¿Qué día?' }",
        "flows:",
        "  pedir_revision:",
        "    description: Pedir una revisión de la bici en el taller",
        "    trigger: { intents: ['quiero llevar la bici al taller', 'revisar {pieza}'] }",
        "    steps:",
        "      - { step: p, type: collect, slot: pieza }",
        "      - { step: d, type: collect, slot: dia }",
        "  cambiar_revision:",
        "    description: Cambiar el día de una revisión",
        "    trigger: { intents: ['cambiar el dia de la revision'] }",
        "    steps:",
        "      - { step: d, type: collect, slot: dia }",
      ].join("\n"),
      "taller.yaml",
    );
  });
  it("'... y quería que la viera alguien' keeps the fault told before it", () => {
    const commands = du.read(
      "hola buenas, mi bici lleva dias con el freno raro y queria que la viera alguien",
      taller,
      emptyState("t"),
    );
    expect(firstIntent(commands)).toBe("pedir_revision");
    expect(slotsOf(commands)).toMatchObject({ pieza: "frenos" });
  });
});
