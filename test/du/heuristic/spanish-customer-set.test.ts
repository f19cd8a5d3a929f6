import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW } from "../helpers.ts";

/**
 * How Spanish customers write to a business, checked on a small dental clinic (and its English
 * twin) no rule was written for: wanting a treatment done to oneself, verbs with a pronoun
 * attached, a visit told of the past beside a request.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let clinica: LoadedDomain;
let clinic: LoadedDomain;

beforeAll(async () => {
  clinica = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  tratamiento:",
      "    type: string",
      "    choices: [limpieza, empaste, blanqueamiento]",
      "    synonyms:",
      "      limpieza: [limpieza dental]",
      "      empaste: [caries]",
      "      blanqueamiento: [blanquear los dientes, blanquearme los dientes]",
      "    prompt: '¿Qué tratamiento?'",
      "  clinica:",
      "    type: string",
      "    choices: [norte, sur]",
      "    synonyms: { norte: [la del norte], sur: [la del sur] }",
      "    prompt: '¿En qué clínica?'",
      "  dia_cita: { type: date, prompt: '¿Qué día?' }",
      "  nota: { type: integer, aliases: [estrellas], prompt: '¿Qué nota nos pones?' }",
      "  codigo: { type: string, extract: pattern, pattern: 'DC-\\d{3}', prompt: '¿Código?' }",
      "flows:",
      "  pedir_cita_dental:",
      "    description: Pedir cita en la clínica dental",
      "    trigger:",
      "      intents: ['quiero pedir cita', 'cita para {tratamiento} el {dia_cita}', 'reservar en {clinica}']",
      "    steps:",
      "      - { step: t, type: collect, slot: tratamiento }",
      "      - { step: c, type: collect, slot: clinica }",
      "      - { step: d, type: collect, slot: dia_cita }",
      "  precio_tratamiento:",
      "    description: Saber el precio de un tratamiento",
      "    trigger: { intents: ['cuánto cuesta {tratamiento}', 'precio de {tratamiento}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tratamiento }",
      "  anular_cita_dental:",
      "    description: Anular una cita de la clínica",
      "    trigger: { intents: ['anular mi cita {codigo}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo }",
      "  cambiar_cita_dental:",
      "    description: Cambiar el día de una cita de la clínica",
      "    trigger: { intents: ['cambiar mi cita {codigo}', 'pasar mi cita a otro día'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo }",
      "  valorar_clinica:",
      "    description: Dejar una opinión sobre una clínica",
      "    trigger: { intents: ['quiero dejar una opinión', 'valorar la clínica {clinica}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: clinica }",
      "      - { step: n, type: collect, slot: nota }",
    ],
    "clinica.yaml",
  );
  clinic = await domainFromLines(
    [
      "slots:",
      "  branch: { type: string, choices: [north, south], prompt: 'Which branch?' }",
      "  visit_day: { type: date, prompt: 'Which day?' }",
      "  stars: { type: integer, prompt: 'How many stars?' }",
      "flows:",
      "  book_visit:",
      "    description: Book a visit at the dental clinic",
      "    trigger: { intents: ['book a visit at {branch} on {visit_day}'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: branch }",
      "      - { step: d, type: collect, slot: visit_day }",
      "  rate_branch:",
      "    description: Leave a review of a branch",
      "    trigger: { intents: ['leave a review', 'rate the {branch} branch'] }",
      "    steps:",
      "      - { step: b, type: collect, slot: branch }",
      "      - { step: s, type: collect, slot: stars }",
    ],
    "clinic.yaml",
  );
});

const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

const started = (commands: Command[]) =>
  commands.flatMap((c) => (c.type === "start_flow" ? [c.flow] : []));

describe("wanting a treatment done to oneself asks for a new one", () => {
  it.each([
    ["quiero hacerme una limpieza", "limpieza"],
    ["me gustaria hacerme un blanqueamiento", "blanqueamiento"],
    ["queria hacerme un empaste en la del sur", "empaste"],
    ["me tengo que hacer una limpieza", "limpieza"],
    ["me quiero blanquear los dientes", "blanqueamiento"],
  ])("'%s' books, it does not ask the price", (text, value) => {
    const commands = read(clinica, text);
    expect(started(commands)).toEqual(["pedir_cita_dental"]);
    expect(JSON.stringify(commands)).toContain(value);
  });
});

describe("a verb with the pronoun attached is the verb", () => {
  it.each([
    ["anulame la cita DC-123 porfa", "anular_cita_dental"],
    ["cancelame la DC-123", "anular_cita_dental"],
    ["cambiame la cita DC-123 xfa", "cambiar_cita_dental"],
  ])("'%s' starts %s", (text, flow) => {
    const commands = read(clinica, text);
    expect(started(commands)).toEqual([flow]);
    expect(JSON.stringify(commands)).toContain("DC-123");
  });
});

describe("a bare day of the month after a word asking for room", () => {
  it.each([
    ["teneis algo el 23?", "2027-03-23"],
    ["hay hueco el 9 por la tarde?", "2027-04-09"],
    ["puedo ir el 12 y si no el 13", "2027-03-12"],
  ])("'%s' gives the date %s", (text, date) => {
    expect(findDates(text, EXAMPLE_NOW)[0]?.value).toBe(date);
  });

  it("a share is no date", () => {
    expect(findDates("me hicisteis el 30 por ciento de descuento", EXAMPLE_NOW)).toEqual([]);
  });
});

describe("'el otro día' is a day gone by, not another day", () => {
  it("a story of the other day asks for no change", () => {
    const commands = read(clinica, "el otro dia me hicieron una limpieza y todavia me duele");
    expect(started(commands)).not.toContain("cambiar_cita_dental");
  });

  it("'a otro dia' still asks for a change", () => {
    expect(started(read(clinica, "quiero pasar mi cita DC-321 a otro dia"))).toEqual([
      "cambiar_cita_dental",
    ]);
  });
});

describe("a visit told of the past beside a request asks for no second flow", () => {
  it.each([
    "Ayer estuve en Sur y os quiero dejar 5 estrellas",
    "el lunes estuve en la clinica del norte y ahora quiero dejar una opinion",
  ])("Spanish: '%s' asks for the review alone", (text) => {
    expect(started(read(clinica, text))).toEqual(["valorar_clinica"]);
  });

  it("English: the review alone", () => {
    const commands = read(
      clinic,
      "on monday I was at the north branch and now I want to leave a review",
    );
    expect(started(commands)).toEqual(["rate_branch"]);
  });

  it("two requests said as wishes still start two flows", () => {
    const commands = read(clinica, "quiero pedir cita el lunes y quiero dejar una opinion");
    expect(started(commands).sort()).toEqual(["pedir_cita_dental", "valorar_clinica"]);
  });
});
