import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { Analyzer } from "../../../src/du/heuristic/analyzer.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf, startedFlow } from "../helpers.ts";

/**
 * Spanish word forms read as the word they are made from, on a small book club that lends and
 * keeps books: verbs with the object pronouns attached ("devolverla", "anúlalo", "cámbiamela"),
 * diminutives ("librito") and everyday words one letter from a domain's word ("pedido").
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
      "  formato_libro:",
      "    choices: [grueso, delgado]",
      "    prompt: '¿Es un libro grueso o delgado?'",
      "  motivo_queja:",
      "    choices: [libro_perdido, libro_roto]",
      "    synonyms: { libro_perdido: [perdido], libro_roto: [roto] }",
      "    prompt: '¿Se perdió o llegó roto?'",
      "flows:",
      "  prestar_libro:",
      "    description: Pedir prestado un libro del club",
      "    trigger: { intents: ['quiero pedir prestado un libro', 'reservar el libro {titulo_libro}'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titulo_libro }",
      "      - { step: f, type: collect, slot: formato_libro }",
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
      "  consultar_prestamo:",
      "    description: Saber dónde está un libro prestado",
      "    trigger: { intents: ['dónde está mi libro', 'saber cuándo me llega el libro'] }",
      "    steps:",
      "      - { step: t, type: collect, slot: titulo_libro }",
      "  queja_libro:",
      "    description: Reclamar por un libro {motivo_queja}",
      "    trigger: { intents: ['mi libro ha llegado {motivo_queja}', 'mi libro se ha perdido', 'poner una queja'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: motivo_queja }",
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

describe("a verb said to a group is the verb", () => {
  it("reads the vosotros present as the infinitive the domain knows", () => {
    expect(startedFlow(read("¿sabéis algo de mi libro?"))).toBe("consultar_prestamo");
    expect(startedFlow(read("hola, ¿me reserváis uno de poesía?"))).toBe("prestar_libro");
  });
});

describe("a diminutive is the word it makes smaller", () => {
  it("reads a diminutive choice as the choice", () => {
    const state = inFlow(club, "prestar_libro", { waiting: "formato_libro" });
    expect(slotsOf(du.read("delgadito, de poesía", club, state))).toEqual({
      formato_libro: "delgado",
    });
  });

  it("reads a diminutive of a flow's word as that word", () => {
    expect(startedFlow(read("quiero devolver un librito"))).toBe("devolver_libro");
  });
});

describe("an everyday word is no typo of a domain word", () => {
  it("reads 'pedido' as an order, not as 'perdido'", () => {
    expect(startedFlow(read("quiero saber dónde está mi pedido"))).toBe("consultar_prestamo");
    const analyzer = new Analyzer(club.domain);
    expect(analyzer.correct("perdio")).toBe("perdido");
    expect(analyzer.correct("pedido")).toBe("pedido");
  });
});

describe("asking where a thing has got to", () => {
  it("reads '¿por dónde anda?' as a look-up", () => {
    expect(startedFlow(read("¿por dónde anda mi libro?"))).toBe("consultar_prestamo");
    expect(startedFlow(read("oye, ¿y por dónde va el libro que pedí?"))).toBe("consultar_prestamo");
  });
});
