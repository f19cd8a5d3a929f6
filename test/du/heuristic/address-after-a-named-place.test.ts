import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/**
 * An address answered after the place it is ("en mi casa, calle ...", "at my office, c/ ..."):
 * the street starts after the comma even when it is written in lower case or shortened; and a
 * number with its unit ("no llega a 2 kilos", "up to 5 kg") is a measure, never an address. On a
 * small furniture shop that delivers and collects.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let shop: LoadedDomain;

beforeAll(async () => {
  shop = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  lugar_entrega:",
      "    extract: address",
      "    prompt: '¿A qué dirección llevamos el mueble?'",
      "  medida:",
      "    choices: [ligero, pesado]",
      "    synonyms: { ligero: [ligera, poco peso], pesado: [pesada, mucho peso] }",
      "    prompt: '¿Es ligero o pesado?'",
      "flows:",
      "  llevar_mueble:",
      "    description: Llevar un mueble a casa",
      "    trigger: { intents: ['llevar un mueble a {lugar_entrega}', 'entrega de un mueble'] }",
      "    steps:",
      "      - { step: m, type: collect, slot: medida }",
      "      - { step: a, type: collect, slot: lugar_entrega }",
    ],
    "muebles.yaml",
  );
});

describe("a named place, a comma, then the street", () => {
  const asked = () => inFlow(shop, "llevar_mueble", { waiting: "lugar_entrega" });
  it("a lower-case street word after the comma starts the address", () => {
    expect(readValues(du.read("en mi piso, calle Toledo 8, 2ºD, Cuenca", shop, asked()))).toEqual({
      lugar_entrega: "calle Toledo 8, 2ºD, Cuenca",
    });
  });
  it("so does a shortened one", () => {
    expect(readValues(du.read("a mi taller, c/ Luna 15, Soria", shop, asked()))).toEqual({
      lugar_entrega: "c/ Luna 15, Soria",
    });
  });
  it("a capitalised street still starts it", () => {
    expect(readValues(du.read("en la tienda, Avenida Sol 3, Teruel", shop, asked()))).toEqual({
      lugar_entrega: "Avenida Sol 3, Teruel",
    });
  });
});

describe("a number and its unit is no address", () => {
  it("'no llega a 3 kilos' answers the weight and names no place", () => {
    const asked = inFlow(shop, "llevar_mueble", { waiting: "medida" });
    expect(readValues(du.read("es ligero, no llega a 3 kilos", shop, asked))).toEqual({
      medida: "ligero",
    });
  });
  it("an address after the measure is still read", () => {
    const asked = inFlow(shop, "llevar_mueble", { waiting: "medida" });
    const got = readValues(
      du.read("es pesado, unos 40 kilos, y va a calle Mayor 2, Huesca", shop, asked),
    );
    expect(got.medida).toBe("pesado");
  });
});
