import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command, SlotValue } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * The Spanish pack's "not" corrections, cancel openers, pronouns for a person, questions about
 * a thing and fillers before a question on the way: checked on a small dry cleaner's no rule
 * was written for.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tinte: LoadedDomain;

beforeAll(async () => {
  tinte = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  prenda: { type: string, choices: [camisa, traje, abrigo, vestido], prompt: '¿Qué prenda?' }",
      "  dia_recogida: { type: date, prompt: '¿Qué día pasas a recogerla?' }",
      "  ticket: { type: string, extract: pattern, pattern: 'TN-\\d{4}', description: 'el número del resguardo', prompt: '¿Cuál es el número del resguardo?' }",
      "  destinatario: { type: string, extract: person_name, prompt: '¿A quién?' }",
      "  importe: { type: money, prompt: '¿Cuánto?' }",
      "flows:",
      "  encargar_limpieza:",
      "    description: Dejar una prenda para limpiar",
      "    trigger: { intents: ['quiero llevar a limpiar un {prenda}', 'limpiar mi {prenda}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: prenda }",
      "      - { step: d, type: collect, slot: dia_recogida }",
      "  estado_encargo:",
      "    description: Saber si una prenda está lista",
      "    trigger: { intents: ['está lista mi ropa', 'estado de mi encargo {ticket}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: ticket }",
      "  horario:",
      "    description: Horario de la tienda",
      "    trigger: { intents: ['a qué hora abrís', 'cuál es vuestro horario', 'cuánto tiempo tardáis'] }",
      "    steps:",
      "      - { step: h, type: say, message: 'De 9 a 20.' }",
      "  pagar_a_alguien:",
      "    description: Pagar a otra persona",
      "    trigger: { intents: ['pagar a {destinatario}', 'mandar dinero a {destinatario}'] }",
      "    steps:",
      "      - { step: w, type: collect, slot: destinatario }",
      "      - { step: a, type: collect, slot: importe }",
    ],
    "tinte.yaml",
  );
});

const read = (
  text: string,
  flow?: string,
  waiting?: string,
  slots?: Record<string, SlotValue>,
): Command[] =>
  du.read(text, tinte, flow ? inFlow(tinte, flow, { waiting, slots }) : emptyState("t"));

describe("notInstead: 'X, no Y', 'X en vez de Y', 'X y no Y'", () => {
  const holding = { prenda: "camisa" };
  it.each([
    ["el traje, no la camisa", "traje"],
    ["el abrigo en vez de la camisa", "abrigo"],
    ["el vestido en lugar de la camisa", "vestido"],
    ["el traje y no la camisa", "traje"],
  ])("'%s' corrects the value held", (text, value) => {
    expect(read(text, "encargar_limpieza", "dia_recogida", holding)).toEqual([
      { type: "correct_slot", slot: "prenda", value },
    ]);
  });

  it("a 'no' naming no value held corrects nothing", () => {
    expect(
      read("el traje, no la camisa", "encargar_limpieza", "dia_recogida", { prenda: "abrigo" }),
    ).not.toContainEqual(expect.objectContaining({ type: "correct_slot" }));
  });
});

describe("cancelOpeners: a word before the cancel that opens the message", () => {
  it.each([
    ["oye, olvídalo, quiero saber si está lista mi ropa", "estado_encargo"],
    ["bueno, déjalo, quiero pagar a Laura", "pagar_a_alguien"],
    ["mejor olvídalo, quiero saber si está lista mi ropa", "estado_encargo"],
  ])("'%s' drops the flow and starts the one asked", (text, flow) => {
    const commands = read(text, "encargar_limpieza", "dia_recogida", { prenda: "camisa" });
    expect(commands.slice(0, 2)).toEqual([{ type: "cancel_flow" }, { type: "start_flow", flow }]);
  });
});

describe("slotQuestion: a question about the thing asked", () => {
  it.each([
    "¿cuál es el ticket de la tienda?",
    "¿qué es el ticket?",
    "¿qué quieres decir con ticket?",
  ])("'%s' asks about the slot, not for another flow", (text) => {
    expect(read(text, "estado_encargo", "ticket")).toEqual([{ type: "clarify", topic: "ticket" }]);
  });
});

describe("asideFillers: fillers before a question asked on the way", () => {
  it.each([
    ["oye, ¿cuál es vuestro horario para un traje?", "prenda", {}],
    ["por cierto, ¿cuál es vuestro horario? lo digo por el traje", "prenda", {}],
    ["oye, ¿cuál es vuestro horario el viernes?", "dia_recogida", { prenda: "traje" }],
  ] as [string, string, Record<string, SlotValue>][])(
    "'%s' asks the other flow, though it names a value of this one",
    (text, waiting, slots) => {
      expect(read(text, "encargar_limpieza", waiting, slots)).toEqual([
        { type: "start_flow", flow: "horario" },
      ]);
    },
  );
});

describe("personPronouns: 'le' stands for the person the story named", () => {
  it("a story naming 'mi hermana Laura', then 'le quiero pagar'", () => {
    const commands = read(
      "el mes pasado le pedí dinero a mi hermana Laura para arreglar el coche y ya he cobrado, así que le quiero pagar 350 euros",
    );
    expect(commands.slice(0, 2)).toEqual([
      { type: "start_flow", flow: "pagar_a_alguien" },
      { type: "set_slot", slot: "destinatario", value: "Laura" },
    ]);
  });
});

describe("Spanish look-up words: waiting for a thing that does not show up", () => {
  it.each(["llevo una hora esperando mi ropa", "mi encargo no aparece"])(
    "'%s' asks after the order",
    (text) => {
      expect(read(text)[0]).toEqual({ type: "start_flow", flow: "estado_encargo" });
    },
  );
});
