import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, readValues } from "../helpers.ts";

/** A water company taking reports of leaks and broken meters at a street address, in Spanish. */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let water: LoadedDomain;

beforeAll(async () => {
  water = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  tipo_averia:",
      "    type: string",
      "    prompt: '¿Qué pasa?'",
      "    choices: [fuga, contador]",
      "    synonyms: { fuga: [escape de agua, tubería rota], contador: [contador roto] }",
      "  direccion_averia: { extract: address, prompt: '¿En qué dirección?' }",
      "actions:",
      "  dar_parte: { inputs: [tipo_averia, direccion_averia] }",
      "flows:",
      "  avisar_averia:",
      "    description: Avisar de una avería del agua en una dirección",
      "    trigger:",
      "      intents: ['hay una {tipo_averia} en {direccion_averia}', 'quiero avisar de una avería del agua']",
      "    steps:",
      "      - { step: a, type: collect, slot: tipo_averia }",
      "      - { step: b, type: collect, slot: direccion_averia }",
      "      - { step: go, type: action, action: dar_parte }",
    ],
    "agua.yaml",
  );
});

const values = (text: string) => readValues(du.read(text, water, emptyState("t")));

describe("a Spanish address starts at the word naming the kind of street", () => {
  it("leaves the article before the street out", () => {
    expect(values("hay una fuga en la calle Goya 15")).toEqual({
      tipo_averia: "fuga",
      direccion_averia: "calle Goya 15",
    });
    expect(values("tenemos un escape de agua en la Ronda de Segovia 8")).toEqual({
      tipo_averia: "fuga",
      direccion_averia: "Ronda de Segovia 8",
    });
  });

  it("reads the abbreviation of a street after words saying which place it is", () => {
    expect(values("hay una fuga en el portal de mi madre, c/ Olmo 7")).toEqual({
      tipo_averia: "fuga",
      direccion_averia: "c/ Olmo 7",
    });
    expect(values("hay una tubería rota en la Avda. de la Constitución 21")).toEqual({
      tipo_averia: "fuga",
      direccion_averia: "Avda. de la Constitución 21",
    });
  });

  it("ends a street typed in small letters where another slot's value starts", () => {
    expect(values("buenos días, en la avenida de la paz 30 hay una fuga desde anoche")).toEqual({
      tipo_averia: "fuga",
      direccion_averia: "avenida de la paz 30",
    });
    expect(values("en el paseo del prado 4 tenemos el contador roto")).toEqual({
      tipo_averia: "contador",
      direccion_averia: "paseo del prado 4",
    });
  });
});
