import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Two slots taking the same choices (a port of departure and one of arrival), a day of the
 * month after "al", a trip told in the past beside a report, and asking for a person in
 * Spanish: checked on a small ferry line (and its English twin) no rule was written for.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let naviera: LoadedDomain;
let ferry: LoadedDomain;

const puertos = "[palma, ibiza, menorca, denia]";

beforeAll(async () => {
  naviera = await loadDomainFromText(
    [
      "settings: { language: es }",
      "slots:",
      `  puerto_salida: { type: string, choices: ${puertos}, prompt: '¿Desde qué puerto sales?' }`,
      `  puerto_llegada: { type: string, choices: ${puertos}, prompt: '¿A qué puerto vas?' }`,
      "  dia_barco: { type: date, prompt: '¿Qué día?' }",
      "  nuevo_dia: { type: date, prompt: '¿A qué día lo pasamos?' }",
      "  plaza: { type: string, extract: pattern, pattern: 'NV-\\d{4}', prompt: '¿Código?' }",
      "  objeto: { type: string, prompt: '¿Qué te dejaste?' }",
      "flows:",
      "  comprar_pasaje:",
      "    description: Comprar un pasaje de barco",
      "    trigger:",
      "      intents:",
      "        - quiero un pasaje de {puerto_salida} a {puerto_llegada}",
      "        - sacar pasajes para {puerto_llegada}",
      "    steps:",
      "      - { step: s, type: collect, slot: puerto_salida }",
      "      - { step: l, type: collect, slot: puerto_llegada }",
      "      - { step: d, type: collect, slot: dia_barco }",
      "  mover_plaza:",
      "    description: Cambiar el día de una plaza",
      "    trigger: { intents: ['mover mi plaza {plaza} al {nuevo_dia}'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: plaza }",
      "      - { step: n, type: collect, slot: nuevo_dia }",
      "  objeto_olvidado:",
      "    description: Avisar de un objeto olvidado en el barco",
      "    trigger: { intents: ['me dejé la mochila en el barco', 'olvidé algo a bordo'] }",
      "    steps:",
      "      - { step: o, type: collect, slot: objeto }",
    ].join("\n"),
    "naviera.yaml",
  );
  ferry = await loadDomainFromText(
    [
      "slots:",
      `  port_from: { type: string, choices: ${puertos}, prompt: 'Which port do you leave from?' }`,
      `  port_to: { type: string, choices: ${puertos}, prompt: 'Which port are you going to?' }`,
      "  sail_day: { type: date, prompt: 'Which day?' }",
      "  item: { type: string, prompt: 'What did you leave?' }",
      "flows:",
      "  buy_crossing:",
      "    description: Buy a ferry crossing",
      "    trigger: { intents: ['a crossing from {port_from} to {port_to}'] }",
      "    steps:",
      "      - { step: f, type: collect, slot: port_from }",
      "      - { step: t, type: collect, slot: port_to }",
      "      - { step: d, type: collect, slot: sail_day }",
      "  left_item:",
      "    description: Report an item left on board",
      "    trigger: { intents: ['I left my backpack on the ferry'] }",
      "    steps:",
      "      - { step: i, type: collect, slot: item }",
    ].join("\n"),
    "ferry.yaml",
  );
});

const read = (domain: LoadedDomain, text: string, flow?: string, waiting?: string): Command[] =>
  du.read(text, domain, flow ? inFlow(domain, flow, { waiting }) : emptyState("t"));

const slotsOf = (commands: Command[]) =>
  Object.fromEntries(commands.flatMap((c) => (c.type === "set_slot" ? [[c.slot, c.value]] : [])));

describe("two slots taking the same choices", () => {
  it.each([
    ["pasaje menorca denia", "menorca", "denia"],
    ["un pasaje Denia-Ibiza el 20 de marzo", "denia", "ibiza"],
  ])("'%s': two values in a row fill them in the order the flow asks", (text, from, to) => {
    const commands = read(naviera, text);
    expect(commands[0]).toEqual({ type: "start_flow", flow: "comprar_pasaje" });
    expect(slotsOf(commands)).toMatchObject({ puerto_salida: from, puerto_llegada: to });
  });

  it("the same in English", () => {
    expect(slotsOf(read(ferry, "a crossing palma menorca"))).toMatchObject({
      port_from: "palma",
      port_to: "menorca",
    });
  });

  it("asked the first, two values in a row answer both", () => {
    expect(slotsOf(read(naviera, "ibiza palma", "comprar_pasaje", "puerto_salida"))).toEqual({
      puerto_salida: "ibiza",
      puerto_llegada: "palma",
    });
  });

  it("the nearest cue wins: the 'de' of 'de ida' is no departure", () => {
    const slots = slotsOf(read(naviera, "quiero sacar pasajes de ida para Menorca"));
    expect(slots).toEqual({ puerto_llegada: "menorca" });
  });

  it("the nearest cue wins in English too", () => {
    expect(slotsOf(read(ferry, "a crossing from home to ibiza"))).toEqual({ port_to: "ibiza" });
  });

  it("one filled by its cue, the message's one other value is the other slot's", () => {
    const slots = slotsOf(
      read(naviera, "mi hermana vive en Menorca, salgo desde Palma, un pasaje"),
    );
    expect(slots).toEqual({ puerto_salida: "palma", puerto_llegada: "menorca" });
  });
});

describe("'al 26' is a day of the month", () => {
  it("said to the date question", () => {
    expect(read(naviera, "al 26", "mover_plaza", "nuevo_dia")).toEqual([
      { type: "set_slot", slot: "nuevo_dia", value: "2027-03-26" },
    ]);
  });

  it("said with the request", () => {
    expect(slotsOf(read(naviera, "¿puedo mover la plaza NV-1234 al 26?"))).toEqual({
      plaza: "NV-1234",
      nuevo_dia: "2027-03-26",
    });
  });
});

describe("a trip told in the past beside a report", () => {
  it("is the report's story, not a second request", () => {
    expect(read(naviera, "viajé ayer de Palma a Ibiza y me dejé la mochila en el barco")).toEqual([
      { type: "start_flow", flow: "objeto_olvidado" },
    ]);
  });

  it("the same in English", () => {
    const commands = read(
      ferry,
      "I travelled from palma to ibiza yesterday. I left my backpack on the ferry",
    );
    expect(commands.filter((c) => c.type === "start_flow")).toEqual([
      { type: "start_flow", flow: "left_item" },
    ]);
  });

  it("a trip asked for a day to come still starts both", () => {
    const commands = read(
      naviera,
      "quiero ir mañana de Palma a Ibiza y me dejé la mochila en el barco",
    );
    expect(
      commands
        .filter((c) => c.type === "start_flow")
        .map((c) => c.flow)
        .sort(),
    ).toEqual(["comprar_pasaje", "objeto_olvidado"]);
  });
});

describe("asking for a person in Spanish", () => {
  it.each([
    "Páseme con un operador, por favor",
    "pásame con alguien",
    "pásenme con una persona",
    "¿me puede pasar con un operador?",
    "póngame con una persona",
  ])("'%s' is a handoff, though 'pasaje' is a word of the domain", (text) => {
    expect(read(naviera, text)[0]?.type).toBe("human_handoff");
  });

  it("a pack word is never corrected to a domain word one edit away", () => {
    const analyzer = new Analyzer(naviera.domain);
    expect(analyzer.correct("pasame")).toBe("pasame");
    expect(analyzer.correct("pasjae")).toBe("pasaje");
  });
});
