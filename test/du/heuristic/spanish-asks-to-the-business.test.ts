import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * How a Spanish customer speaks to the business ("vuestro", "podéis", "¿qué podéis hacer por
 * mí?"), why they ask ("no puedo ir ..., ¿tenéis ...?"), what they wish done ("que planchen
 * ..."), checked on a small laundry.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let lavanderia: LoadedDomain;

beforeAll(async () => {
  lavanderia = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  prenda:",
      "    type: string",
      "    choices: [camisa, traje, edredon]",
      "    prompt: '¿Qué prenda?'",
      "  dia_entrega: { type: date, prompt: '¿Qué día la traes?' }",
      "  notas:",
      "    type: string",
      "    required: false",
      "    prompt: '¿Algo que debamos saber de la ropa?'",
      "  extra:",
      "    type: string",
      "    choices: [planchado_rapido, bolsa_prestada]",
      "    synonyms: { planchado_rapido: [planchado rápido], bolsa_prestada: [bolsa de préstamo] }",
      "    prompt: '¿Qué necesitas?'",
      "  vale_ok: { type: boolean }",
      "flows:",
      "  dejar_prenda:",
      "    description: Dejar una prenda para limpiar",
      "    trigger: { intents: ['quiero dejar un {prenda}', 'limpiar mi {prenda}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: prenda }",
      "      - { step: d, type: collect, slot: dia_entrega }",
      "      - { step: n, type: collect, slot: notas }",
      "      - { step: c, type: confirm, slot: vale_ok, message: '¿Lo apunto?' }",
      "  anular_entrega:",
      "    description: Anular una entrega de ropa",
      "    trigger: { intents: ['quiero anular la entrega', 'no voy a poder ir, anula la entrega'] }",
      "    steps:",
      "      - { step: s, type: say, message: 'Anulada.' }",
      "  pedir_extra:",
      "    description: Pedir planchado rápido o una bolsa prestada",
      "    trigger: { intents: ['necesito {extra}', '¿podéis planchar rápido?', '¿me podéis prestar una bolsa?'] }",
      "    steps:",
      "      - { step: e, type: collect, slot: extra }",
      "  cambiar_entrega:",
      "    description: Cambiar el día de una entrega",
      "    trigger: { intents: ['quiero cambiar el día de la entrega', 'pasar la entrega al {dia_entrega}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia_entrega }",
      "  precio_limpieza:",
      "    description: Saber cuánto cuesta limpiar una prenda",
      "    trigger: { intents: ['¿cuánto cuesta limpiar un {prenda}?'] }",
      "    steps:",
      "      - { step: q, type: say, message: 'Doce euros.' }",
      "  horario_tienda:",
      "    description: Saber el horario de la tienda",
      "    trigger: { intents: ['horario de la tienda', '¿cuál es el horario?'] }",
      "    steps:",
      "      - { step: h, type: say, message: 'De 9 a 20.' }",
    ],
    "lavanderia.yaml",
  );
});

const read = (text: string, flow?: string, waiting?: string): Command[] =>
  du.read(text, lavanderia, flow ? inFlow(lavanderia, flow, { waiting }) : emptyState("t"));

describe("a question to the business", () => {
  it.each(["¿Cuál es vuestro horario?", "cual es vuestro horario", "¿y vuestro horario?"])(
    "'%s' asks the hours: 'vuestro' names nothing, as 'your'",
    (text) => {
      expect(read(text)[0]).toEqual({ type: "start_flow", flow: "horario_tienda" });
    },
  );

  it.each(["¿qué podéis hacer por mí?", "que pueden hacer por mi", "¿en qué me podéis ayudar?"])(
    "'%s' asks what the assistant does",
    (text) => {
      expect(read(text)).toEqual([{ type: "clarify" }]);
    },
  );

  it.each(["¿me podéis decir una cosa?", "¿pueden atenderme?"])(
    "'%s': the modal alone is no flow's word",
    (text) => {
      expect(read(text).some((c) => c.type === "start_flow" && c.flow === "pedir_extra")).toBe(
        false,
      );
    },
  );

  it("the modal still asks with the verb after it", () => {
    expect(read("¿podéis planchar rápido?")[0]).toEqual({
      type: "start_flow",
      flow: "pedir_extra",
    });
  });
});

describe("not being able to go, told as the reason of a question", () => {
  it("the question is what is asked", () => {
    expect(read("hoy no puedo ir a la tienda, ¿tenéis bolsa de préstamo?")).toEqual([
      { type: "start_flow", flow: "pedir_extra" },
      { type: "set_slot", slot: "extra", value: "bolsa_prestada" },
    ]);
  });

  it("a question that cancels, or asks no flow, leaves the cancel", () => {
    expect(read("no puedo ir el jueves, ¿me la anuláis?")[0]).toEqual({
      type: "start_flow",
      flow: "anular_entrega",
    });
    expect(read("no voy a poder ir mañana, ¿qué hago?")[0]).toEqual({
      type: "start_flow",
      flow: "anular_entrega",
    });
  });
});

describe("a cancel behind an opener, then why", () => {
  it.each(["mejor olvídalo, me lo quedo como está", "espera, déjalo, ya lo traigo otra semana"])(
    "'%s' stops the running flow",
    (text) => {
      expect(read(text, "dejar_prenda", "dia_entrega")).toEqual([{ type: "cancel_flow" }]);
    },
  );
});

describe("a wish for what they should do, opening with an unaccented 'que'", () => {
  it.each(["que planchen también el cuello", "que me llamen antes de lavarlo"])(
    "'%s' answers a free-text question",
    (text) => {
      expect(read(text, "dejar_prenda", "notas")).toEqual([
        { type: "set_slot", slot: "notas", value: text },
      ]);
    },
  );

  it.each(["¿qué tengo que poner?", "qué pongo aquí", "que tengo que poner"])(
    "'%s' still asks, no answer",
    (text) => {
      expect(read(text, "dejar_prenda", "notas").some((c) => c.type === "set_slot")).toBe(false);
    },
  );
});

describe("asides of a Spanish customer", () => {
  it("'cuanto antes' says how soon, it asks no price", () => {
    expect(read("quiero limpiar mi traje cuanto antes, tengo una boda")[0]).toEqual({
      type: "start_flow",
      flow: "dejar_prenda",
    });
    expect(read("¿cuánto cuesta limpiar un traje?")[0]).toEqual({
      type: "start_flow",
      flow: "precio_limpieza",
    });
  });

  it.each(["perdona, ¿qué?", "¿qué?", "¿cómo?"])("'%s' alone asks to hear it again", (text) => {
    expect(read(text, "dejar_prenda", "prenda")).toEqual([{ type: "repeat_last" }]);
  });

  it("'prefiero hablarlo con una persona' asks for a person", () => {
    expect(read("prefiero hablarlo con una persona", "dejar_prenda", "prenda")[0]).toMatchObject({
      type: "human_handoff",
    });
  });
});

describe("a sentence that leaves its subject out, to a free-text question", () => {
  it("'es ...' opening a long answer is the sentence's own verb, kept", () => {
    const text = "es muy delicada y encoge si se lava en caliente";
    expect(read(text, "dejar_prenda", "notas")).toEqual([
      { type: "set_slot", slot: "notas", value: text },
    ]);
  });

  it("a short 'es ...' answer is read without it", () => {
    expect(read("es de seda", "dejar_prenda", "notas")).toEqual([
      { type: "set_slot", slot: "notas", value: "de seda" },
    ]);
  });
});

describe("a day had, then 'y no puedo ir'", () => {
  it("is given up: no new day of the change", () => {
    expect(
      read("tengo la entrega el jueves y no puedo ir, ¿la podéis cambiar a otro día?"),
    ).toEqual([{ type: "start_flow", flow: "cambiar_entrega" }]);
  });

  it("a day said for the change is still read", () => {
    expect(read("¿me podéis pasar la entrega al viernes?")).toContainEqual({
      type: "set_slot",
      slot: "dia_entrega",
      value: "2027-03-12",
    });
  });
});

describe("a short description set before the name it describes", () => {
  let guarderia: LoadedDomain;
  beforeAll(async () => {
    guarderia = await domainFromLines(
      [
        "slots:",
        "  pet_name: { type: string, extract: person_name, prompt: 'What is your pet called?' }",
        "flows:",
        "  book_stay:",
        "    description: Book a stay at the pet hotel",
        "    trigger: { intents: ['book a stay for my pet'] }",
        "    steps:",
        "      - { step: n, type: collect, slot: pet_name }",
      ],
      "guarderia.yaml",
    );
  });

  it.each([
    ["the old cat, Misha", "Misha"],
    ["my dog, Rex", "Rex"],
    ["Hugo Ruiz", "Hugo Ruiz"],
  ])("'%s' gives the name", (text, value) => {
    const state = inFlow(guarderia, "book_stay", { waiting: "pet_name" });
    expect(du.read(text, guarderia, state)).toEqual([
      { type: "set_slot", slot: "pet_name", value },
    ]);
  });
});
