import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, startedFlow } from "../helpers.ts";

/**
 * On a small Spanish language school and a price list: a price question while a choice is asked,
 * 'que viene', a name after its kind, taking an item out of a list, clock times, days given up.
 * Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let academia: LoadedDomain;
let sinPrecios: LoadedDomain;
let cuadra: LoadedDomain;
let floristeria: LoadedDomain;
let turnos: LoadedDomain;

const ACADEMIA = [
  "settings: { language: es }",
  "slots:",
  "  curso:",
  "    type: string",
  "    choices: [inicial, intermedio, avanzado]",
  "    prompt: '¿A qué curso te apuntas?'",
  "  dia_inicio: { type: date, prompt: '¿Qué día empiezas?' }",
  "  curso_tarifa:",
  "    type: string",
  "    choices: [inicial, intermedio, avanzado]",
  "    required: false",
  "    prompt: '¿De qué curso?'",
  "  precio_curso: { type: string, internal: true, description: El precio del curso. }",
  "  apuntado_ok: { type: boolean }",
  "flows:",
  "  apuntarse:",
  "    description: Apuntarse a un curso de la academia",
  "    trigger: { intents: ['quiero apuntarme al curso {curso}', 'matricularme en un curso'] }",
  "    steps:",
  "      - { step: c, type: collect, slot: curso }",
  "      - { step: d, type: collect, slot: dia_inicio }",
  "      - { step: k, type: confirm, slot: apuntado_ok, message: '¿Te apunto?' }",
];
const TARIFAS = [
  "  cambiar_inicio:",
  "    description: Cambiar el día de inicio del curso",
  "    trigger: { intents: ['cambiar el día de inicio', 'pasar el inicio al {dia_inicio}'] }",
  "    steps:",
  "      - { step: d, type: collect, slot: dia_inicio }",
  "  tarifas:",
  "    description: Los precios de los cursos",
  "    trigger: { intents: ['cuánto cuesta el curso {curso_tarifa}', 'precios de la academia'] }",
  "    steps:",
  "      - { step: t, type: collect, slot: curso_tarifa, condition: 'curso_tarifa is not null' }",
  "      - { step: s, type: say, message: 'Cuarenta euros al mes.' }",
];

beforeAll(async () => {
  academia = await domainFromLines([...ACADEMIA, ...TARIFAS], "academia.yaml");
  sinPrecios = await domainFromLines(ACADEMIA, "sin-precios.yaml");
  cuadra = await domainFromLines(
    [
      "slots:",
      "  tipo_animal:",
      "    type: string",
      "    choices: [caballo, poni, burro]",
      "    synonyms: { caballo: [yegua, potro], poni: [pony], burro: [burra, asno] }",
      "    prompt: '¿Qué animal?'",
      "  nombre_animal: { type: string, extract: person_name, prompt: '¿Cómo se llama?' }",
      "  noches_box: { type: integer, prompt: '¿Cuántas noches?' }",
      "flows:",
      "  reservar_box:",
      "    description: Reservar un box en la cuadra",
      "    trigger: { intents: ['reservar un box para mi {tipo_animal}', 'book a stall for my {tipo_animal}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: tipo_animal }",
      "      - { step: n, type: collect, slot: nombre_animal }",
      "      - { step: c, type: collect, slot: noches_box }",
    ],
    "cuadra.yaml",
  );
  floristeria = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  flores:",
      "    type: list",
      "    choices: [rosas, tulipanes, lirios]",
      "    synonyms: { lirios: [lilies], rosas: [roses] }",
      "    prompt: '¿Qué flores?'",
      "  ramo_ok: { type: boolean }",
      "flows:",
      "  pedir_ramo:",
      "    description: Encargar un ramo de flores",
      "    trigger: { intents: ['quiero un ramo de {flores}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: flores }",
      "      - { step: c, type: confirm, slot: ramo_ok, message: '¿Lo encargo?' }",
    ],
    "floristeria.yaml",
  );
  turnos = await domainFromLines(
    [
      "slots:",
      "  turno_lavado:",
      "    type: string",
      "    choices: [am, pm]",
      "    synonyms: { am: [por la mañana, in the morning], pm: [por la tarde, in the afternoon] }",
      "    prompt: '¿Mañana o tarde?'",
      "flows:",
      "  lavar_coche:",
      "    description: Pedir turno para lavar el coche",
      "    trigger: { intents: ['lavar el coche {turno_lavado}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: turno_lavado }",
    ],
    "turnos.yaml",
  );
});

const read = (domain: LoadedDomain, text: string, flow?: string, waiting?: string): Command[] =>
  du.read(text, domain, flow ? inFlow(domain, flow, { waiting }) : emptyState("t"));

describe("a price question while a choice is asked", () => {
  it.each(["¿cuánto cuesta el avanzado?", "y el intermedio cuánto vale?"])(
    "'%s' goes to the flow that tells prices, not into the answer",
    (text) => {
      const commands = read(academia, text, "apuntarse", "curso");
      expect(startedFlow(commands)).toBe("tarifas");
      expect(commands).not.toContainEqual(expect.objectContaining({ slot: "curso" }));
    },
  );

  it("is out of scope where no flow tells prices", () => {
    expect(read(sinPrecios, "¿cuánto cuesta el avanzado?", "apuntarse", "curso")).toEqual([
      { type: "out_of_scope" },
    ]);
  });

  it("a plain choice still answers", () => {
    expect(read(academia, "el avanzado", "apuntarse", "curso")).toEqual([
      { type: "set_slot", slot: "curso", value: "avanzado" },
    ]);
  });
});

describe("a weekday 'que viene' said on that weekday", () => {
  it("is a week later, as 'el próximo' is", () => {
    for (const text of ["el miércoles que viene", "el próximo miércoles"]) {
      expect(read(academia, text, "apuntarse", "dia_inicio")).toEqual([
        { type: "set_slot", slot: "dia_inicio", value: "2027-03-17" },
      ]);
    }
  });

  it("a bare weekday is still today, and another weekday the coming one", () => {
    expect(read(academia, "el miércoles", "apuntarse", "dia_inicio")).toEqual([
      { type: "set_slot", slot: "dia_inicio", value: "2027-03-10" },
    ]);
    expect(read(academia, "el viernes que viene", "apuntarse", "dia_inicio")).toEqual([
      { type: "set_slot", slot: "dia_inicio", value: "2027-03-12" },
    ]);
  });
});

describe("a name right after the kind of the one named", () => {
  it.each([
    ["quiero reservar un box para mi yegua Canela", "caballo", "Canela"],
    ["book a stall for my pony Biscuit, 3 nights", "poni", "Biscuit"],
    ["Mi burra Perla necesita box dos noches", "burro", "Perla"],
  ])("'%s' fills the kind and the name", (text, kind, name) => {
    const commands = read(cuadra, text);
    expect(startedFlow(commands)).toBe("reservar_box");
    expect(commands).toContainEqual({ type: "set_slot", slot: "tipo_animal", value: kind });
    expect(commands).toContainEqual({ type: "set_slot", slot: "nombre_animal", value: name });
  });

  it.each(["reservar un box para mi yegua", "reservar un box para un poni Blanco"])(
    "'%s' states no name (no capitalised word after a possessive and the kind)",
    (text) => {
      expect(read(cuadra, text)).not.toContainEqual(
        expect.objectContaining({ slot: "nombre_animal" }),
      );
    },
  );
});

describe("a 'no' in front of taking an item out of a list", () => {
  const atConfirm = (text: string): Command[] =>
    du.read(
      text,
      floristeria,
      inFlow(floristeria, "pedir_ramo", { confirm: true, slots: { flores: ["rosas", "lirios"] } }),
    );

  it.each(["no, quita los lirios", "quítame los lirios", "no, remove the lilies"])(
    "'%s' takes the item out and keeps the rest",
    (text) => {
      expect(atConfirm(text)).toEqual([{ type: "correct_slot", slot: "flores", value: ["rosas"] }]);
    },
  );

  it("a bare 'no' is still a no", () => {
    expect(atConfirm("no")).toEqual([{ type: "deny" }]);
  });
});

describe("a clock time for choices whose synonyms say the part of the day in a phrase", () => {
  it.each([
    ["a las 10 o así", "am"],
    ["sobre las seis de la tarde", "pm"],
    ["around 9", "am"],
    ["17:30", "pm"],
  ])("'%s' is the part of the day it falls in", (text, value) => {
    expect(read(turnos, text, "lavar_coche", "turno_lavado")).toEqual([
      { type: "set_slot", slot: "turno_lavado", value },
    ]);
  });
});

describe("asking what one can do here", () => {
  it.each(["¿qué cosas puedo hacer por aquí?", "que se puede hacer aqui", "qué puedo hacer"])(
    "'%s' asks for help",
    (text) => {
      expect(read(academia, text)).toEqual([{ type: "clarify" }]);
    },
  );

  it("a question with a request after it is no help question", () => {
    expect(read(academia, "qué puedo hacer para apuntarme al curso avanzado")).not.toEqual([
      { type: "clarify" },
    ]);
  });
});

describe("a day said as the one had, given up with 'pero ...'", () => {
  it("is no new day", () => {
    const commands = read(
      academia,
      "empiezo el viernes pero me ha surgido un viaje, ¿se puede cambiar el día de inicio?",
    );
    expect(startedFlow(commands)).toBe("cambiar_inicio");
    expect(commands).not.toContainEqual(expect.objectContaining({ slot: "dia_inicio" }));
  });

  it("a day said without it is still the day", () => {
    expect(read(academia, "pasar el inicio al viernes")).toContainEqual({
      type: "set_slot",
      slot: "dia_inicio",
      value: "2027-03-12",
    });
  });
});

describe("not having at hand what is asked, with an object pronoun", () => {
  it.each(["no la tengo a mano, ¿dónde la veo?", "no lo tengo aquí, ¿cómo lo sé?"])(
    "'%s' asks about the question",
    (text) => {
      expect(read(academia, text, "apuntarse", "dia_inicio")).toEqual([
        { type: "clarify", topic: "dia_inicio" },
      ]);
    },
  );
});
