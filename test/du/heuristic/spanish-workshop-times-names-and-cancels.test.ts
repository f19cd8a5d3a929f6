import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { findDates } from "../../../src/du/heuristic/extract/dates.ts";
import { freeText } from "../../../src/du/heuristic/extract/free-text.ts";
import { findClockTimes } from "../../../src/du/heuristic/extract/times.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, readValues } from "../helpers.ts";

/**
 * On a Spanish repair workshop (and a one-flow shop): clock times and a time slot, cancels that
 * put things off, a name's cue before a verb, 'para' naming whom, free-text answers, help requests
 * and 'quitadme'.
 */
// Wednesday 10 March 2027.
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let taller: LoadedDomain;

beforeAll(async () => {
  taller = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  revision: { type: string, choices: [aceite, frenos], prompt: '¿Qué le hacemos?' }",
      "  dia: { type: date, prompt: '¿Qué día lo traes?' }",
      "  hora: { type: string, extract: time, prompt: '¿A qué hora?' }",
      "flows:",
      "  pedir_hueco:",
      "    description: Pedir hueco en el taller para el coche",
      "    trigger:",
      "      intents: ['quiero llevar el coche al taller', 'cambio de {revision} el {dia}']",
      "    steps:",
      "      - { step: r, type: collect, slot: revision }",
      "      - { step: d, type: collect, slot: dia }",
      "      - { step: h, type: collect, slot: hora }",
    ],
    "taller.yaml",
  );
});

const read = (text: string, state = emptyState("t")) => du.read(text, taller, state);

describe("clock times", () => {
  it.each([
    ["a las 5 y media", "17:30"],
    ["sobre las once de la mañana", "11:00"],
    ["a las 8 de la tarde", "20:00"],
    ["a las dos menos cuarto", "13:45"],
    ["las 10 y cuarto", "10:15"],
    ["at half past four", "16:30"],
    ["around 9:15am", "09:15"],
    ["18:45", "18:45"],
  ])("'%s' is %s", (text, value) => {
    expect(findClockTimes(text).map((t) => t.value)).toEqual([value]);
  });

  it("a count of people is no time", () => {
    expect(findClockTimes("para las 10 personas")).toEqual([]);
  });
});

describe("a time slot", () => {
  it("takes the time said in the message that starts the flow, beside the day", () => {
    const turn = read("cambio de frenos el viernes a las 4 en el taller de siempre");
    expect(readValues(turn)).toEqual({ revision: "frenos", dia: "2027-03-12", hora: "16:00" });
  });

  it("takes a day and a time said together as the answer for the day", () => {
    const state = inFlow(taller, "pedir_hueco", { waiting: "dia", slots: { revision: "aceite" } });
    expect(readValues(read("el lunes a las 10 y media", state))).toEqual({
      dia: "2027-03-15",
      hora: "10:30",
    });
  });

  it("reads a bare hour as the answer, and leaves a day-of-month to the date", () => {
    const asked = inFlow(taller, "pedir_hueco", {
      waiting: "hora",
      slots: { revision: "aceite", dia: "2027-03-15" },
    });
    expect(readValues(read("12", asked))).toEqual({ hora: "12:00" });
    const day = inFlow(taller, "pedir_hueco", { waiting: "dia", slots: { revision: "aceite" } });
    expect(readValues(read("el 15", day))).toEqual({ dia: "2027-03-15" });
  });
});

describe("a cancel that puts things off to another day", () => {
  let taller2: LoadedDomain;
  beforeAll(async () => {
    taller2 = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  modelo: { type: string, choices: [seat, ford], prompt: '¿Qué coche es?' }",
        "  codigo: { type: string, extract: pattern, pattern: 'TL-\\\\d{3}', prompt: '¿Código?' }",
        "  nuevo_dia: { type: date, aliases: [otro dia], prompt: '¿A qué día lo pasamos?' }",
        "flows:",
        "  pedir_hueco:",
        "    description: Pedir hueco en el taller",
        "    trigger: { intents: ['quiero llevar el coche al taller'] }",
        "    steps:",
        "      - { step: m, type: collect, slot: modelo }",
        "  mover_hueco:",
        "    description: Pasar el hueco del taller a otro día",
        "    trigger: { intents: ['pasar mi hueco a otro día', 'cambiar el hueco {codigo}'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: codigo }",
        "      - { step: d, type: collect, slot: nuevo_dia }",
      ],
      "taller2.yaml",
    );
  });

  it("only stops the flow", () => {
    const state = inFlow(taller2, "pedir_hueco", { waiting: "modelo" });
    expect(du.read("déjalo, ya vendré otro día", taller2, state)).toEqual([
      { type: "cancel_flow" },
    ]);
  });

  it("still switches when the rest asks for the other flow", () => {
    const state = inFlow(taller2, "pedir_hueco", { waiting: "modelo" });
    const commands = du.read("déjalo, mejor cambia el hueco TL-123 a otro día", taller2, state);
    expect(commands[0]).toEqual({ type: "cancel_flow" });
    expect(commands[1]).toMatchObject({ type: "start_flow", flow: "mover_hueco" });
  });
});

describe("a name's cue before a verb, and 'perdona' before a corrected name", () => {
  let peluqueria: LoadedDomain;
  beforeAll(async () => {
    peluqueria = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  animal: { type: string, choices: [perro, gato], prompt: '¿Qué animal es?' }",
        "  nombre: { type: string, extract: person_name, prompt: '¿Cómo se llama?' }",
        "  ok: { type: boolean }",
        "flows:",
        "  pedir_bano:",
        "    description: Pedir un baño para la mascota",
        "    trigger: { intents: ['quiero un baño para {nombre}', 'bañar a mi {animal}'] }",
        "    steps:",
        "      - { step: a, type: collect, slot: animal }",
        "      - { step: n, type: collect, slot: nombre }",
        "      - { step: c, type: confirm, slot: ok, message: '¿Lo pido?' }",
      ],
      "peluqueria.yaml",
    );
  });

  it("a verb in small letters after 'para' is no name; the name after its 'a' is", () => {
    expect(
      readValues(du.read("quiero un baño para lavar a Kira", peluqueria, emptyState("t"))),
    ).toMatchObject({ nombre: "Kira" });
    expect(
      readValues(
        du.read("quiero un baño para dejarle el pelo bonito", peluqueria, emptyState("t")),
      ),
    ).not.toHaveProperty("nombre");
  });

  it("'perdona, es X, no Y' corrects the name to X", () => {
    const state = inFlow(peluqueria, "pedir_bano", {
      confirm: true,
      slots: { animal: "perro", nombre: "Nora" },
    });
    expect(du.read("perdona, es Nela, no Nora", peluqueria, state)).toEqual([
      { type: "correct_slot", slot: "nombre", value: "Nela" },
    ]);
  });
});

describe("'para' naming whom, and values of the asked choice", () => {
  let floristeria: LoadedDomain;
  beforeAll(async () => {
    floristeria = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  tienda:",
        "    type: string",
        "    choices: [norte, sur]",
        "    synonyms: { norte: [el del parque], sur: [parque comercial] }",
        "    prompt: '¿Qué tienda?'",
        "  florista: { type: string, choices: [marta, pablo], prompt: '¿Con quién?' }",
        "  para_quien: { type: string, extract: person_name, prompt: '¿Para quién es?' }",
        "flows:",
        "  encargar_ramo:",
        "    description: Encargar un ramo de flores",
        "    trigger: { intents: ['quiero un ramo en la tienda {tienda}'] }",
        "    steps:",
        "      - { step: t, type: collect, slot: tienda }",
        "      - { step: p, type: collect, slot: para_quien }",
        "  queja_tienda:",
        "    description: Poner una queja de una tienda",
        "    trigger: { intents: ['queja de la tienda {tienda}'] }",
        "    steps:",
        "      - { step: t, type: collect, slot: tienda }",
        "  taller_floral:",
        "    description: Apuntarse a un taller con un florista",
        "    trigger: { intents: ['taller con {florista}'] }",
        "    steps:",
        "      - { step: f, type: collect, slot: florista }",
      ],
      "floristeria.yaml",
    );
  });

  it("'para mi hermana Marta' asked whom it is for is the answer, no stop", () => {
    const state = inFlow(floristeria, "encargar_ramo", {
      waiting: "para_quien",
      slots: { tienda: "norte" },
    });
    expect(du.read("para mi hermana Marta", floristeria, state)).toEqual([
      { type: "set_slot", slot: "para_quien", value: "Marta" },
    ]);
  });

  it("two readings of the asked choice start no other flow that takes it", () => {
    const state = inFlow(floristeria, "encargar_ramo", { waiting: "tienda" });
    const commands = du.read("en la sur, el del parque comercial", floristeria, state);
    expect(commands.some((c) => c.type === "start_flow")).toBe(false);
  });
});

describe("a free-text answer that is a sentence keeps its opening article", () => {
  it.each([
    [
      "La comida llegó fría y el repartidor fue muy borde",
      "La comida llegó fría y el repartidor fue muy borde",
    ],
    [
      "The staff were lovely and the room was spotless",
      "The staff were lovely and the room was spotless",
    ],
    ["la renta", "renta"],
  ])("'%s' -> '%s'", (text, value) => {
    expect(freeText(text)).toBe(value);
  });
});

/** A Spanish shop of one flow, for the tests below. */
const TIENDA = [
  "settings: { language: es }",
  "slots:",
  "  talla: { type: string, choices: [s, m], prompt: '¿Qué talla?' }",
  "flows:",
  "  comprar:",
  "    description: Comprar una camiseta",
  "    trigger: { intents: ['quiero una camiseta'] }",
  "    steps:",
  "      - { step: t, type: collect, slot: talla }",
];

describe("'me pones con' asks for a person", () => {
  it("'¿me pones con alguien de la tienda?' is a handoff", async () => {
    const tienda = await domainFromLines(TIENDA, "tienda.yaml");
    expect(du.read("¿me pones con alguien, por favor?", tienda, emptyState("t"))[0]).toMatchObject({
      type: "human_handoff",
    });
  });
});

describe("'el 15 a las 11' is a day and a time", () => {
  it.each([
    ["una revisión el 15 a las 11", ["2027-03-15"]],
    ["quedamos el 3 a la 1 y media", ["2027-04-03"]],
  ])("'%s' gives %j", (text, dates) => {
    expect(findDates(text, EXAMPLE_NOW).map((d) => d.value)).toEqual(dates);
  });
});

describe("a help request starts the domain's flow that says what it does", () => {
  it("'qué cosas puedo hacer contigo?' starts it; without such a flow it asks", async () => {
    const plain = await domainFromLines(TIENDA, "plain.yaml");
    const withHelp = await domainFromLines(
      [
        ...TIENDA,
        "  menu_ayuda:",
        "    description: Lo que sabe hacer el asistente",
        "    trigger: { intents: ['qué puedes hacer', 'necesito ayuda'] }",
        "    steps:",
        "      - { step: s, type: say, message: 'Vendo camisetas.' }",
      ],
      "help.yaml",
    );
    const text = "¿qué cosas puedo hacer contigo?";
    expect(du.read(text, plain, emptyState("t"))).toEqual([{ type: "clarify" }]);
    expect(du.read(text, withHelp, emptyState("t"))).toEqual([
      { type: "start_flow", flow: "menu_ayuda" },
    ]);
  });
});

describe("'quitadme la reserva' cancels", () => {
  it("starts the flow that cancels", async () => {
    const gimnasio = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  clase: { type: string, choices: [yoga, spinning], prompt: '¿Qué clase?' }",
        "flows:",
        "  reservar_clase:",
        "    description: Reservar una clase",
        "    trigger: { intents: ['quiero reservar {clase}'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: clase }",
        "  anular_reserva:",
        "    description: Anular la reserva de una clase",
        "    trigger: { intents: ['anular mi reserva'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: clase }",
      ],
      "gimnasio.yaml",
    );
    expect(du.read("no llego a tiempo, quitadme la reserva", gimnasio, emptyState("t"))[0]).toEqual(
      { type: "start_flow", flow: "anular_reserva" },
    );
  });
});
