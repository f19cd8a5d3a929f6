import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * On a small Spanish bicycle workshop and its English twin: no preference, a bare yes, what the
 * assistant can do, codes in small letters, synonyms that fold to function words, 'el 30', free-
 * text placeholders.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let taller: LoadedDomain;
let workshop: LoadedDomain;

beforeAll(async () => {
  taller = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  arreglo:",
      "    type: string",
      "    choices: [pinchazo, frenos, cadena]",
      "    synonyms: { pinchazo: [rueda pinchada], frenos: [freno, zapatas], cadena: [piñón] }",
      "    prompt: '¿Qué arreglo?'",
      "  dia_taller: { type: date, prompt: '¿Qué día?' }",
      "  mecanico:",
      "    type: string",
      "    choices: [ana, pablo]",
      "    required: false",
      "    prompt: '¿Prefieres a alguien?'",
      "  titular: { type: string, extract: person_name, required: false, prompt: '¿A nombre de quién?' }",
      "  resguardo: { type: string, extract: pattern, pattern: 'TB-\\d{4}', prompt: '¿Código?' }",
      "  vale_ok: { type: boolean }",
      "flows:",
      "  pedir_arreglo:",
      "    description: Pedir un arreglo de la bici en el taller",
      "    trigger: { intents: ['quiero arreglar {arreglo}', 'arreglo de {arreglo} el {dia_taller}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: arreglo }",
      "      - { step: d, type: collect, slot: dia_taller }",
      "      - { step: m, type: collect, slot: mecanico }",
      "      - { step: c, type: confirm, slot: vale_ok, message: '¿Lo apunto?' }",
      "  anular_arreglo:",
      "    description: Anular un arreglo pedido",
      "    trigger: { intents: ['anular mi arreglo', 'ya no necesito el arreglo'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Anulado.' }",
      "  precio_arreglo:",
      "    description: Saber el precio de un arreglo",
      "    trigger: { intents: ['cuánto vale un arreglo de frenos', 'precio de {arreglo}'] }",
      "    steps:",
      "      - { step: p, type: say, message: 'Diez euros.' }",
      "  recoger_bici:",
      "    description: Recoger la bici con el resguardo",
      "    trigger: { intents: ['recoger mi bici {resguardo}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: resguardo }",
      "  bono_taller:",
      "    description: Comprar un bono de revisiones",
      "    trigger: { intents: ['comprar un bono de revisiones'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titular }",
    ],
    "taller.yaml",
  );
  workshop = await domainFromLines(
    [
      "slots:",
      "  repair: { type: string, choices: [puncture, brakes, chain], prompt: 'Which repair?' }",
      "  mechanic: { type: string, choices: [ann, paul], required: false, prompt: 'Anyone in mind?' }",
      "  holder: { type: string, extract: person_name, required: false, prompt: 'Whose name?' }",
      "flows:",
      "  book_repair:",
      "    description: Book a bike repair at the workshop",
      "    trigger: { intents: ['fix my {repair}'] }",
      "    steps:",
      "      - { step: r, type: collect, slot: repair }",
      "      - { step: m, type: collect, slot: mechanic }",
      "  service_pass:",
      "    description: Buy a pass of bike services",
      "    trigger: { intents: ['buy a service pass'] }",
      "    steps:",
      "      - { step: h, type: collect, slot: holder }",
    ],
    "workshop.yaml",
  );
});

const read = (domain: LoadedDomain, text: string, flow?: string, waiting?: string): Command[] =>
  du.read(text, domain, flow ? inFlow(domain, flow, { waiting }) : emptyState("t"));

describe("no preference, said to an optional question", () => {
  it.each([
    "me da igual",
    "da igual",
    "me da igual quien",
    "cualquiera",
    "el que sea",
    "sin preferencia",
    "me es igual",
    "no tengo preferencia",
    "no hace falta",
    "me da lo mismo, gracias",
  ])("'%s' skips the Spanish slot", (text) => {
    expect(read(taller, text, "pedir_arreglo", "mecanico")).toEqual([
      { type: "skip_slot", slot: "mecanico" },
    ]);
  });

  it("'no hace falta nombre' skips a name, not stored as one", () => {
    expect(read(taller, "no hace falta nombre", "bono_taller", "titular")).toEqual([
      { type: "skip_slot", slot: "titular" },
    ]);
  });

  it.each(["I don't mind", "whoever", "any is fine", "no preference", "not needed", "either"])(
    "'%s' skips the English slot",
    (text) => {
      expect(read(workshop, text, "book_repair", "mechanic")).toEqual([
        { type: "skip_slot", slot: "mechanic" },
      ]);
    },
  );

  it("'no need for a name' skips a name", () => {
    expect(read(workshop, "no need for a name", "service_pass", "holder")).toEqual([
      { type: "skip_slot", slot: "holder" },
    ]);
  });

  it("a named choice is still taken, and a required slot is not skipped", () => {
    expect(read(taller, "con ana", "pedir_arreglo", "mecanico")).toEqual([
      { type: "set_slot", slot: "mecanico", value: "ana" },
    ]);
    expect(read(taller, "me da igual", "pedir_arreglo", "arreglo")).not.toContainEqual({
      type: "skip_slot",
      slot: "arreglo",
    });
  });
});

describe("a bare yes while a slot is asked", () => {
  it.each(["vale", "vale gracias", "si"])(
    "'%s' is no request for the flow whose phrase holds the word",
    (text) => {
      const read1 = read(taller, text, "pedir_arreglo", "arreglo");
      expect(read1.some((c) => c.type === "start_flow")).toBe(false);
    },
  );

  it("the other flow's phrase said whole still reaches it", () => {
    expect(
      read(taller, "cuánto vale un arreglo de frenos", "pedir_arreglo", "dia_taller"),
    ).toContainEqual({
      type: "start_flow",
      flow: "precio_arreglo",
    });
  });
});

describe("what the assistant can do, and words of address", () => {
  it.each([
    "¿qué puedes hacer?",
    "en qué me puedes ayudar",
    "qué sabes hacer",
    "¿para qué sirves?",
  ])("'%s' asks for help", (text) => {
    expect(read(taller, text)).toEqual([{ type: "clarify" }]);
  });

  it.each([
    ["gracias guapa", "thanks"],
    ["muchas gracias, majo", "thanks"],
    ["hola guapa", "greeting"],
    ["buenas, reina", "greeting"],
  ])("'%s' is small talk (%s)", (text, kind) => {
    expect(read(taller, text)).toEqual([{ type: "chitchat", kind, message: text }]);
  });
});

describe("a pattern code typed in small letters", () => {
  it.each(["tb-1234", "tb 1234", "tb1234", "TB-1234", "es el tb-1234"])(
    "'%s' is written as the pattern's capitals",
    (text) => {
      expect(read(taller, text, "recoger_bici", "resguardo")).toEqual([
        { type: "set_slot", slot: "resguardo", value: "TB-1234" },
      ]);
    },
  );
});

describe("a synonym that folds to a function word", () => {
  let cafe: LoadedDomain;
  beforeAll(async () => {
    cafe = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  bebida:",
        "    type: string",
        "    choices: [infusion, cafe]",
        "    synonyms: { infusion: [té, tila], cafe: [café, cortado] }",
        "    prompt: '¿Qué te pongo?'",
        "flows:",
        "  pedir_bebida:",
        "    description: Pedir algo de beber",
        "    trigger: { intents: ['quiero un {bebida}', 'me pones un {bebida}'] }",
        "    steps:",
        "      - { step: b, type: collect, slot: bebida }",
      ],
      "cafe.yaml",
    );
  });

  it("'té' as typed is the choice; the pronoun 'te' is not", () => {
    expect(read(cafe, "un té", "pedir_bebida", "bebida")).toEqual([
      { type: "set_slot", slot: "bebida", value: "infusion" },
    ]);
    expect(read(cafe, "te pido un cortado", "pedir_bebida", "bebida")).toEqual([
      { type: "set_slot", slot: "bebida", value: "cafe" },
    ]);
  });
});

describe("a bare 'el 30' as a day of the month", () => {
  it.each([
    ["el 30", "2027-03-30"],
    ["para el 12", "2027-03-12"],
    ["el 2, por favor", "2027-04-02"],
  ])("'%s' answers the date question", (text, day) => {
    expect(read(taller, text, "pedir_arreglo", "dia_taller")).toEqual([
      { type: "set_slot", slot: "dia_taller", value: day },
    ]);
  });

  it("ends a 'para ...' clause of a first message", () => {
    expect(read(taller, "quiero arreglar frenos para la carrera el 30")).toContainEqual({
      type: "set_slot",
      slot: "dia_taller",
      value: "2027-03-30",
    });
  });

  it.each(["el 30 por ciento", "el 45", "quiero el 30"])("'%s' is no date", (text) => {
    expect(read(taller, text, "pedir_arreglo", "dia_taller")).not.toContainEqual(
      expect.objectContaining({ type: "set_slot", slot: "dia_taller" }),
    );
  });
});

describe("a free-text placeholder after an article in a trigger phrase", () => {
  let agenda: LoadedDomain;
  beforeAll(async () => {
    agenda = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  arreglo: { type: string, choices: [frenos, cadena], synonyms: { frenos: [pastillas] }, prompt: '¿Qué?' }",
        "  momento: { type: string, extract: free_text, prompt: '¿A qué hora?' }",
        "flows:",
        "  pedir_arreglo:",
        "    description: Pedir un arreglo de la bici",
        "    trigger: { intents: ['arreglar {arreglo} a las {momento}'] }",
        "    steps:",
        "      - { step: a, type: collect, slot: arreglo }",
        "      - { step: m, type: collect, slot: momento }",
      ],
      "agenda.yaml",
    );
  });

  it("reads it after the phrase's words, not after the article alone", () => {
    expect(read(agenda, "quiero arreglar las pastillas antes del viernes")).not.toContainEqual(
      expect.objectContaining({ type: "set_slot", slot: "momento" }),
    );
    expect(read(agenda, "arreglar la cadena a las cinco")).toContainEqual({
      type: "set_slot",
      slot: "momento",
      value: "cinco",
    });
  });
});
