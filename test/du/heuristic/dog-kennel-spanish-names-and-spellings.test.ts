import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues, startedFlow } from "../helpers.ts";

/**
 * Spanish customers of a dog boarding kennel, a domain no rule was written for: chat spellings
 * of a word, the morning of another day, a dog's name one letter from a cancel word, a name
 * after the Spanish "a" of any verb.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let residencia: LoadedDomain;

beforeAll(async () => {
  residencia = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  nombre_perro: { type: string, extract: person_name, prompt: '¿Cómo se llama el perro?' }",
      "  dia_entrada: { type: date, prompt: '¿Qué día lo traes?' }",
      "  raza:",
      "    type: string",
      "    choices: [mastin, caniche]",
      "    prompt: '¿De qué raza es?'",
      "  turno:",
      "    type: string",
      "    choices: [manana, tarde]",
      "    synonyms: { manana: [por la mañana], tarde: [por la tarde] }",
      "    prompt: '¿Mañana o tarde?'",
      "flows:",
      "  reservar_estancia:",
      "    description: Reservar una estancia en la residencia",
      "    trigger:",
      "      intents: ['quiero reservar una estancia', 'dejar a {nombre_perro} el {dia_entrada}']",
      "    steps:",
      "      - { step: r, type: collect, slot: raza }",
      "      - { step: n, type: collect, slot: nombre_perro }",
      "      - { step: d, type: collect, slot: dia_entrada }",
      "      - { step: t, type: collect, slot: turno }",
      "  proximo_paseo:",
      "    description: Saber cuándo sale de paseo un perro alojado",
      "    trigger: { intents: ['cuándo le toca el paseo a {nombre_perro}'] }",
      "    steps:",
      "      - { step: n, type: collect, slot: nombre_perro }",
    ],
    "residencia.yaml",
  );
});

const read = (text: string, state = emptyState("t")) => du.read(text, residencia, state);

describe("chat spellings of a word", () => {
  it("'x la tarde' is 'por la tarde'", () => {
    const state = inFlow(residencia, "reservar_estancia", {
      waiting: "turno",
      slots: { nombre_perro: "Kiko", dia_entrada: "2027-03-12" },
    });
    expect(readValues(read("x la tarde porfa", state))).toEqual({ turno: "tarde" });
  });

  it("'kiero' asks as 'quiero' does", () => {
    expect(startedFlow(read("kiero reservar una estancia"))).toBe("reservar_estancia");
  });
});

describe("'la mañana' is a morning, not tomorrow", () => {
  it.each([
    ["el viernes por la mañana", ["2027-03-12"]],
    ["el lunes a la mañana", ["2027-03-15"]],
    ["mañana por la mañana", ["2027-03-11"]],
    ["hoy por la mañana", ["2027-03-10"]],
  ])("'%s' gives %j", (text, dates) => {
    expect(findDates(text, EXAMPLE_NOW).map((d) => d.value)).toEqual(dates);
  });
});

describe("asked a name, a name one letter from a cancel word is the name", () => {
  const asked = () => inFlow(residencia, "reservar_estancia", { waiting: "nombre_perro" });

  it.each(["Canela", "se llama Canela"])("'%s' names the dog", (text) => {
    expect(read(text, asked())).toEqual([
      { type: "set_slot", slot: "nombre_perro", value: "Canela" },
    ]);
  });

  it.each(["cancela", "cancelalo"])("'%s' still cancels", (text) => {
    expect(read(text, asked())).toEqual([{ type: "cancel_flow" }]);
  });
});

describe("a capitalised word after the Spanish 'a' is the name, whatever verb comes first", () => {
  it.each(["cuándo le toca salir a Kiko?", "me decís q paseos le quedan a Kiko"])(
    "'%s' names the dog",
    (text) => {
      const commands = read(text);
      expect(startedFlow(commands)).toBe("proximo_paseo");
      expect(readValues(commands)).toEqual({ nombre_perro: "Kiko" });
    },
  );

  it("a word in lower case after 'a' is no name", () => {
    expect(readValues(read("cuándo le toca salir a pasear"))).toEqual({});
  });
});

describe("a name set off by commas after the kind", () => {
  it.each([
    "tenemos un mastín viejito, Rufo, y queremos reservar una estancia",
    "mi caniche, Rufo, se queda con vosotros, quiero reservar una estancia",
  ])("'%s' names the dog", (text) => {
    expect(readValues(read(text))).toMatchObject({ nombre_perro: "Rufo" });
  });

  it("a capitalised word after a comma that goes on is no name", () => {
    expect(
      readValues(read("tenemos un mastín, Rufo dice mi hijo que se llama, reservar estancia")),
    ).not.toHaveProperty("nombre_perro");
  });
});

describe("asked a name, lower-case words opening with an article describe the dog", () => {
  it.each(["es un poco gruñón con los gatos", "una perrita muy buena"])(
    "'%s' is no name",
    (text) => {
      const state = inFlow(residencia, "reservar_estancia", { waiting: "nombre_perro" });
      expect(readValues(read(text, state))).not.toHaveProperty("nombre_perro");
    },
  );
});

describe("'sip', 'nop' and dropping it together", () => {
  it("'sip' says yes and 'nop' no", () => {
    expect(read("sip")).toEqual([{ type: "affirm" }]);
    expect(read("nop")).toEqual([{ type: "deny" }]);
  });

  it("'mejor lo dejamos' stops the booking; 'lo dejamos el viernes' gives the day", () => {
    const asked = () =>
      inFlow(residencia, "reservar_estancia", {
        waiting: "dia_entrada",
        slots: { raza: "mastin", nombre_perro: "Rufo" },
      });
    expect(read("bueno, mejor lo dejamos", asked())).toEqual([{ type: "cancel_flow" }]);
    expect(readValues(read("lo dejamos el viernes", asked()))).toEqual({
      dia_entrada: "2027-03-12",
    });
  });
});
