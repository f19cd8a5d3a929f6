import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDomain } from "../../src/config/loader.ts";
import { en } from "../../src/dm/messages/en.ts";
import { es } from "../../src/dm/messages/es.ts";
import { messageCatalog } from "../../src/dm/messages/index.ts";
import { HeuristicUnderstanding } from "../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../src/protocol/commands.ts";
import { domainFromYaml, testRuntime } from "../runtime/helpers.ts";
import { say } from "../runtime/scripted-du.ts";

/** A domain with `settings.language: es` hears every built-in message of the DM in Spanish. */
const rental = await loadDomain(
  path.join(import.meta.dirname, "../fixtures/domains/spanish-rental"),
);
const handlers = { actions: { alquilar: () => ({}) } };

/** Each turn's messages, with the commands scripted. */
async function scripted(turns: Command[][], domain = rental): Promise<string[][]> {
  const t = testRuntime(domain, domain === rental ? handlers : {});
  const replies: string[][] = [];
  for (const commands of turns) {
    replies.push((await t.runtime.processMessage(say(...commands), "u1")).messages);
  }
  return replies;
}

/** Each turn's messages, read by the offline DU from Spanish text. */
async function spoken(messages: string[]): Promise<string[][]> {
  const t = testRuntime(rental, handlers, { du: new HeuristicUnderstanding() });
  const replies: string[][] = [];
  for (const text of messages) replies.push((await t.runtime.processMessage(text, "u1")).messages);
  return replies;
}

const rent: Command = { type: "start_flow", flow: "alquilar_vehiculo" };
const lookUp: Command = { type: "start_flow", flow: "consultar_reserva" };
const set = (slot: string, value: string): Command => ({ type: "set_slot", slot, value });

describe("built-in messages in Spanish (settings.language: es)", () => {
  it("refuses a value that does not match the slot's pattern", async () => {
    const replies = await scripted([[lookUp], [set("reserva", "faro")]]);
    expect(replies[1]).toEqual([
      'Lo siento, "faro" no parece válido como código de reserva.',
      "¿Cuál es tu código de reserva?",
    ]);
  });

  it("refuses a value that is none of the choices", async () => {
    const replies = await scripted([[rent], [set("vehiculo", "barco")]]);
    expect(replies[1]).toEqual([
      "Por favor, elige una de estas opciones: coche, moto, furgoneta.",
      "¿Qué vehículo quieres: coche, moto o furgoneta?",
    ]);
  });

  it("asks a slot without a prompt, and refuses a value of the wrong type", async () => {
    const replies = await scripted([[rent], [set("vehiculo", "moto")], [set("dias", "tres")]]);
    expect(replies[1]).toEqual(["Necesito este dato: número de días."]);
    expect(replies[2]).toEqual([
      'Lo siento, "tres" no es un número entero. Necesito este dato: número de días.',
      "Necesito este dato: número de días.",
    ]);
  });

  it("says it did not understand, then offers a human after too many failures", async () => {
    const replies = await scripted([[rent], [], [], []]);
    expect(replies[1]).toEqual([
      "Lo siento, no te he entendido.",
      "¿Qué vehículo quieres: coche, moto o furgoneta?",
    ]);
    expect(replies[3]).toEqual([
      "Lo siento, me está costando entenderte. ¿Quieres hablar con un agente humano? También puedes decírmelo de otra manera.",
      "¿Qué vehículo quieres: coche, moto o furgoneta?",
    ]);
  });

  it("cancels the flow", async () => {
    const replies = await scripted([[rent], [{ type: "cancel_flow" }]]);
    expect(replies[1]).toEqual(["De acuerdo, he cancelado el alquiler."]);
  });

  const atConfirmation: Command[][] = [[rent], [set("vehiculo", "coche")], [set("dias", "3")]];

  it("asks what to change after a 'no' at a confirmation without on_deny", async () => {
    const replies = await scripted([...atConfirmation, [{ type: "deny" }]]);
    expect(replies[2]).toEqual(["¿Confirmo el alquiler: coche durante 3 días?"]);
    expect(replies[3]).toEqual(["¿Qué te gustaría cambiar? También puedes decir «cancelar»."]);
  });

  it("explains how to answer a confirmation when a message is not understood there", async () => {
    const replies = await scripted([...atConfirmation, []]);
    expect(replies[3]).toEqual([
      "Por favor, responde «sí» para seguir adelante o «no» para parar. También puedes cambiar cualquiera de los datos.",
      "¿Confirmo el alquiler: coche durante 3 días?",
    ]);
  });

  it("lists the flows to choose from and what it can do", async () => {
    const replies = await scripted([
      [{ type: "clarify", flows: ["alquilar_vehiculo", "consultar_reserva"] }],
      [{ type: "clarify" }],
    ]);
    expect(replies[0]).toEqual(["¿Te refieres a alquilar un vehículo o consultar una reserva?"]);
    expect(replies[1]).toEqual([
      "Puedo ayudarte con lo siguiente: alquilar un vehículo o consultar una reserva.",
    ]);
  });

  it("keeps a domain's own pattern message", async () => {
    const domain = await domainFromYaml(`
settings: { language: es }
patterns:
  cancel: { message: "Vale, olvidamos {flow}." }
flows:
  saludar:
    steps: [{ step: hola, type: say, message: "Hola" }, { step: pedir, type: collect, slot: nombre }]
slots:
  nombre: { type: string }
`);
    const replies = await scripted(
      [[{ type: "start_flow", flow: "saludar" }], [{ type: "cancel_flow" }]],
      domain,
    );
    expect(replies[0]).toEqual(["Hola", "Necesito este dato: nombre."]);
    expect(replies[1]).toEqual(["Vale, olvidamos saludar."]);
  });

  it("answers a conversation read from Spanish text in Spanish", async () => {
    const replies = await spoken([
      "quiero alquilar un vehículo",
      "un barco",
      "una moto",
      "3",
      "no",
      "cancelar",
    ]);
    expect(replies).toEqual([
      ["¿Qué vehículo quieres: coche, moto o furgoneta?"],
      ["Lo siento, no te he entendido.", "¿Qué vehículo quieres: coche, moto o furgoneta?"],
      ["Necesito este dato: número de días."],
      ["¿Confirmo el alquiler: moto durante 3 días?"],
      ["¿Qué te gustaría cambiar? También puedes decir «cancelar»."],
      ["De acuerdo, he cancelado el alquiler."],
    ]);
  });
});

describe("message catalogs", () => {
  it("falls back to English for a language without a catalog", () => {
    expect(messageCatalog("es")).toBe(es);
    expect(messageCatalog("fr")).toBe(en);
    expect(messageCatalog("constructor")).toBe(en);
  });

  it("joins lists the way each language does", () => {
    expect(en.didYouMean(["a", "b", "c"])).toBe("Did you mean: a, b, or c?");
    expect(en.capabilities(["a", "b", "c"])).toBe("I can help you: a; b; or c.");
    expect(es.didYouMean(["pagar", "cobrar", "ver"])).toBe("¿Te refieres a pagar, cobrar o ver?");
    expect(es.capabilities(["a", "b", "c"])).toBe("Puedo ayudarte con lo siguiente: a; b; o c.");
    // "o" before a word starting with the sound o is "u"; "a el" contracts to "al".
    expect(es.didYouMean(["el saldo", "otra cuenta"])).toBe("¿Te refieres al saldo u otra cuenta?");
    expect(es.capabilities([])).toBe(
      "Todavía no puedo hacer nada: este asistente no tiene flujos.",
    );
  });
});
