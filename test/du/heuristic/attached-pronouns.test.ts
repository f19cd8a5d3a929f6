import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, startedFlow } from "../helpers.ts";

/**
 * Spanish verbs with the object pronouns attached ("devolverla", "anúlalo", "cámbiamelo",
 * "guardadlo") are read as the verb, on a small book club that lends and keeps books.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let club: LoadedDomain;

beforeAll(async () => {
  club = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  titulo_libro: { prompt: '¿Qué libro?' }",
      "  dia_recogida: { type: date, prompt: '¿Qué día?' }",
      "flows:",
      "  prestar_libro:",
      "    description: Pedir prestado un libro del club",
      "    trigger: { intents: ['quiero pedir prestado un libro', 'reservar el libro {titulo_libro}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titulo_libro }",
      "  devolver_libro:",
      "    description: Devolver un libro prestado",
      "    trigger: { intents: ['quiero devolver un libro', 'devolver el libro {titulo_libro}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titulo_libro }",
      "  anular_reserva:",
      "    description: Anular la reserva de un libro",
      "    trigger: { intents: ['anular la reserva del libro'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titulo_libro }",
      "  mover_recogida:",
      "    description: Cambiar el día de recogida de un libro reservado",
      "    trigger: { intents: ['cambiar el día de recogida al {dia_recogida}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: dia_recogida }",
    ],
    "club.yaml",
  );
});

const read = (text: string) => du.read(text, club, emptyState("t"));

describe("a verb with pronouns attached is the verb", () => {
  it("reads an infinitive with a pronoun", () => {
    expect(startedFlow(read("ya lo he leído y quiero devolverlo"))).toBe("devolver_libro");
    expect(startedFlow(read("anularla del todo"))).toBe("anular_reserva");
  });

  it("reads an imperative with one or two pronouns", () => {
    expect(startedFlow(read("anúlala"))).toBe("anular_reserva");
    expect(startedFlow(read("cámbiamela al viernes"))).toBe("mover_recogida");
  });

  it("leaves alone a word that only ends like a pronoun", () => {
    // "escuela" is no verb "escue" with "la"; nothing of the club is asked.
    expect(startedFlow(read("la escuela"))).toBeUndefined();
  });
});
