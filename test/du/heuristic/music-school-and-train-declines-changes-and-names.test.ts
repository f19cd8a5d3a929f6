import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, startedFlow } from "../helpers.ts";

/**
 * On a music school and a train line of the tests' own: an optional slot declined in the domain's
 * words (declined_by), an act no flow does, not going then moving (a change, not a cancel), a name
 * after 'a'. Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let train: LoadedDomain;
let musica: LoadedDomain;
let music: LoadedDomain;

/** A music school: the instrument is in the phrases of three flows; one collects it. */
const school = (lang: string, lines: readonly string[]) => [
  `settings: { language: ${lang} }`,
  "slots:",
  "  instrument:",
  "    type: string",
  "    choices: [guitar, piano, violin]",
  "    synonyms: { guitar: [guitarra], violin: [violín] }",
  "    prompt: '?'",
  "  pupil: { type: string, extract: person_name, prompt: '?' }",
  "  phone: { type: string, extract: digits, length: 9, prompt: '?' }",
  "flows:",
  ...lines,
];

beforeAll(async () => {
  train = await domainFromLines(
    [
      "slots:",
      "  origin_station: { type: string, prompt: 'From where?' }",
      "  outbound_day: { type: date, prompt: 'Which day do you leave?' }",
      "  back_day:",
      "    type: date",
      "    required: false",
      "    aliases: [return]",
      "    declined_by: [single ticket, single, no return ticket]",
      "    prompt: 'When do you come back?'",
      "  seat_note: { type: string, required: false, prompt: 'Any seat wishes?' }",
      "flows:",
      "  buy_ticket:",
      "    description: Buy a train ticket",
      "    trigger: { intents: ['buy a train ticket from {origin_station}'] }",
      "    steps:",
      "      - { step: o, type: collect, slot: origin_station }",
      "      - { step: d, type: collect, slot: outbound_day }",
      "      - { step: b, type: collect, slot: back_day }",
      "      - { step: s, type: collect, slot: seat_note }",
    ],
    "train.yaml",
  );
  musica = await domainFromLines(
    school("es", [
      "  apuntarse:",
      "    description: Apuntarse a clases de música",
      "    trigger: { intents: ['apuntarme a clases de {instrument}', 'matricular a {pupil}'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: instrument }",
      "      - { step: p, type: collect, slot: pupil }",
      "  horario:",
      "    description: Ver el horario de las clases",
      "    trigger: { intents: ['a qué hora es la clase de {instrument}'] }",
      "    steps:",
      "      - { step: t, type: say, message: Por las tardes. }",
      "  profesor:",
      "    description: Hablar con el profesor",
      "    trigger: { intents: ['llamar al profesor de {instrument}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: phone }",
    ]),
    "musica.yaml",
  );
  music = await domainFromLines(
    school("en", [
      "  enrol:",
      "    description: Enrol in music lessons",
      "    trigger: { intents: ['sign me up for {instrument} lessons', 'enrol {pupil}'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: instrument }",
      "      - { step: p, type: collect, slot: pupil }",
      "  timetable:",
      "    description: See the lesson timetable",
      "    trigger: { intents: ['what time is the {instrument} lesson'] }",
      "    steps:",
      "      - { step: t, type: say, message: Afternoons. }",
      "  teacher:",
      "    description: Reach a teacher",
      "    trigger: { intents: ['phone the {instrument} teacher'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: phone }",
    ]),
    "music.yaml",
  );
});

const read = (domain: LoadedDomain, text: string, flow?: string, waiting?: string): Command[] =>
  du.read(text, domain, flow ? inFlow(domain, flow, { waiting }) : emptyState("t"));

describe("an optional slot declined in the domain's own words (declined_by)", () => {
  it.each(["single ticket only", "just a single please", "no, single", "single"])(
    "'%s' skips the optional day",
    (text) => {
      expect(read(train, text, "buy_ticket", "back_day")).toEqual([
        { type: "skip_slot", slot: "back_day" },
      ]);
    },
  );

  it("a day is still the answer", () => {
    expect(read(train, "the 14th of march", "buy_ticket", "back_day")).toEqual([
      { type: "set_slot", slot: "back_day", value: "2027-03-14" },
    ]);
  });

  it("the phrase with more said is not a decline", () => {
    expect(
      read(train, "single ticket or maybe the 14th", "buy_ticket", "back_day"),
    ).not.toContainEqual({ type: "skip_slot", slot: "back_day" });
  });

  it("another optional slot without the key is not declined by those words", () => {
    expect(read(train, "single", "buy_ticket", "seat_note")).not.toContainEqual({
      type: "skip_slot",
      slot: "seat_note",
    });
  });
});

it("declined_by on a required slot is warned about: it is never read", async () => {
  const loaded = await loadDomainFromText(
    [
      "slots:",
      "  back_day: { type: date, declined_by: [single], prompt: 'When back?' }",
      "flows:",
      "  f:",
      "    steps:",
      "      - { step: b, type: collect, slot: back_day }",
      "",
    ].join("\n"),
    "d.yaml",
  );
  expect(loaded.warnings?.map((w) => w.code)).toContain("declined-by-required");
});

describe("an act the domain does not do, about a value several flows name", () => {
  it.each([
    [() => musica, "quiero vender una guitarra, ¿conocéis a alguien?"],
    [() => musica, "quiero afinar el piano, ¿tenéis alguno que lo haga?"],
    [() => music, "I want to sell a violin, know anyone?"],
    [() => music, "I'd like to repair my guitar"],
  ])("%#: starts no flow", (domain, text) => {
    expect(startedFlow(read(domain(), text))).toBeUndefined();
  });

  it.each([
    [() => musica, "quiero apuntarme a guitarra", "apuntarse"],
    [() => music, "sign me up for violin", "enrol"],
  ])("%#: a word of the flow still starts it", (domain, text, flow) => {
    expect(startedFlow(read(domain(), text))).toBe(flow);
  });

  it("'alguno' stands for a thing named elsewhere: it matches no phrase's 'alguna'", async () => {
    const tienda = await domainFromLines(
      [
        "settings: { language: es }",
        "flows:",
        "  ofertas:",
        "    description: Ver las ofertas",
        "    trigger: { intents: ['tenéis alguna oferta'] }",
        "    steps:",
        "      - { step: s, type: say, message: Ninguna. }",
      ],
      "tienda.yaml",
    );
    expect(startedFlow(read(tienda, "¿y de paraguas tenéis alguno?"))).toBeUndefined();
    expect(startedFlow(read(tienda, "¿tenéis alguna oferta?"))).toBe("ofertas");
  });
});

describe("not going, then a request to move: a change, not a cancel", () => {
  const es = () =>
    domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  dia: { type: date, prompt: '?' }",
        "  dia_nuevo: { type: date, prompt: '?' }",
        "flows:",
        "  reservar:",
        "    description: Reservar la sauna",
        "    trigger: { intents: ['reservar sauna el {dia}', 'quiero sauna el {dia}'] }",
        "    steps:",
        "      - { step: d, type: collect, slot: dia }",
        "  mover:",
        "    description: Cambiar el día de la sauna",
        "    trigger:",
        "      intents: ['cambiar el día de la sauna', 'pasar la sauna al {dia_nuevo}']",
        "    steps:",
        "      - { step: d, type: collect, slot: dia_nuevo }",
        "  anular:",
        "    description: Anular la sauna",
        "    trigger: { intents: ['anular la sauna', 'cancelar la sauna'] }",
        "    steps:",
        "      - { step: s, type: say, message: Hecho. }",
      ],
      "sauna-es.yaml",
    );
  const en = () =>
    domainFromLines(
      [
        "slots:",
        "  visit_day: { type: date, prompt: '?' }",
        "  moved_to: { type: date, prompt: '?' }",
        "flows:",
        "  book_visit:",
        "    description: Book a sauna visit",
        "    trigger: { intents: ['book the sauna on {visit_day}'] }",
        "    steps:",
        "      - { step: d, type: collect, slot: visit_day }",
        "  move_visit:",
        "    description: Change the day of a sauna visit",
        "    trigger:",
        "      intents: ['change the day of my sauna visit', 'put my sauna visit on {moved_to}']",
        "    steps:",
        "      - { step: d, type: collect, slot: moved_to }",
        "  cancel_visit:",
        "    description: Cancel a sauna visit",
        "    trigger: { intents: ['cancel my sauna visit'] }",
        "    steps:",
        "      - { step: s, type: say, message: Done. }",
      ],
      "sauna-en.yaml",
    );

  it("es: the flow that moves, with the day asked for", async () => {
    const commands = read(
      await es(),
      "tengo sauna el jueves pero no puedo ir, ¿la podéis pasar al sábado?",
    );
    expect(startedFlow(commands)).toBe("mover");
    expect(commands).toContainEqual({ type: "set_slot", slot: "dia_nuevo", value: "2027-03-13" });
  });

  it("en: the flow that moves, with the day asked for", async () => {
    const commands = read(
      await en(),
      "I have the sauna on thursday but I can't go, can you put it on saturday?",
    );
    expect(startedFlow(commands)).toBe("move_visit");
    expect(commands).toContainEqual({ type: "set_slot", slot: "moved_to", value: "2027-03-13" });
  });

  it("a cancel said plainly still cancels", async () => {
    expect(startedFlow(read(await es(), "no puedo ir el jueves, anulad la sauna"))).toBe("anular");
    expect(startedFlow(read(await en(), "I can't go on thursday, cancel my sauna visit"))).toBe(
      "cancel_visit",
    );
  });
});

describe("a name after 'a' right after a word of the trigger phrase", () => {
  const domain = () =>
    domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  nombre_perro: { type: string, extract: person_name, prompt: '¿Cómo se llama?' }",
        "  telefono: { type: string, extract: digits, length: 9, prompt: '¿Tu teléfono?' }",
        "flows:",
        "  turno_bano:",
        "    description: Saber cuándo le toca el baño al perro",
        "    trigger: { intents: ['cuándo le toca el baño a {nombre_perro}'] }",
        "    steps:",
        "      - { step: t, type: collect, slot: telefono }",
        "      - { step: n, type: collect, slot: nombre_perro }",
        "  paseo:",
        "    description: Reservar un paseo",
        "    trigger: { intents: ['reservar un paseo', 'quiero que saquéis al perro'] }",
        "    steps:",
        "      - { step: t, type: collect, slot: telefono }",
      ],
      "banos.yaml",
    );

  it.each(["cuándo le toca a Kira el baño", "cuando le toca a Kira lo del baño y el corte"])(
    "'%s' names the dog",
    async (text) => {
      const commands = read(await domain(), text);
      expect(startedFlow(commands)).toBe("turno_bano");
      expect(commands).toContainEqual({ type: "set_slot", slot: "nombre_perro", value: "Kira" });
    },
  );

  it("the phrase's own order still reads it", async () => {
    expect(read(await domain(), "cuándo le toca el baño a Kira")).toContainEqual({
      type: "set_slot",
      slot: "nombre_perro",
      value: "Kira",
    });
  });
});
