import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command, SlotValue } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, startedFlow } from "../helpers.ts";

/**
 * Spanish requests to a laundry with pick-ups, a removals firm and a furniture carrier: declines,
 * polite plural imperatives, cancels with a reason, open answers, addresses, days away and things
 * stuck on the way. Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let lavanderia: LoadedDomain;
let mudanzas: LoadedDomain;
let muebles: LoadedDomain;

beforeAll(async () => {
  lavanderia = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  direccion_lavado: { extract: address, prompt: '¿En qué dirección pasamos?' }",
      "  anadidos_lavado:",
      "    type: list",
      "    required: false",
      "    choices: [planchado, tintoreria, suavizante]",
      "    prompt: '¿Algún añadido: planchado, tintorería o suavizante?'",
      "  codigo_lavado:",
      "    extract: pattern",
      "    pattern: 'LV\\d{6}'",
      "    aliases: [pedido]",
      "    prompt: '¿Cuál es el código del pedido?'",
      "  tipo_queja:",
      "    choices: [prenda_rota, prenda_perdida]",
      "    synonyms: { prenda_rota: [rota, descosida, manchada], prenda_perdida: [perdida] }",
      "    prompt: '¿La prenda llegó rota o se perdió?'",
      "  relato_queja: { prompt: '¿Qué ha pasado?' }",
      "  anular_ok: { type: boolean }",
      "flows:",
      "  pedir_recogida:",
      "    description: Pedir que pasen a recoger la ropa",
      "    trigger: { intents: ['quiero que recojan la ropa', 'recogida de ropa en {direccion_lavado}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: direccion_lavado }",
      "      - { step: a, type: collect, slot: anadidos_lavado }",
      "  estado_lavado:",
      "    description: Cómo va un pedido de la lavandería",
      "    trigger: { intents: ['cómo va mi pedido {codigo_lavado}', 'dónde está mi ropa'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo_lavado }",
      "  anular_lavado:",
      "    description: Anular un pedido de la lavandería",
      "    trigger: { intents: ['anular el pedido {codigo_lavado}', 'cancelar la recogida'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo_lavado }",
      "      - { step: k, type: confirm, slot: anular_ok, message: '¿Lo anulo?' }",
      "  cambiar_lavado:",
      "    description: Cambiar el día de entrega de la ropa limpia",
      "    trigger: { intents: ['cambiar el día de entrega de la ropa'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo_lavado }",
      "  poner_queja:",
      "    description: Reclamar por una prenda rota o perdida",
      "    trigger: { intents: ['poner una queja', 'la prenda ha vuelto {tipo_queja}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo_lavado }",
      "      - { step: t, type: collect, slot: tipo_queja }",
      "      - { step: r, type: collect, slot: relato_queja }",
    ],
    "lavanderia.yaml",
  );
  mudanzas = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  casa_origen: { extract: address, prompt: '¿Desde qué dirección?' }",
      "  casa_nueva: { extract: address, prompt: '¿Y la nueva dirección?' }",
      "  dia_mudanza: { type: date, prompt: '¿Qué día?' }",
      "flows:",
      "  pedir_mudanza:",
      "    description: Contratar una mudanza",
      "    trigger:",
      "      intents:",
      "        - quiero contratar una mudanza",
      "        - llevar los muebles a {casa_nueva}",
      "        - mudanza de {casa_origen} a {casa_nueva}",
      "        - mudanza del piso el {dia_mudanza}",
      "    steps:",
      "      - { step: o, type: collect, slot: casa_origen }",
      "      - { step: n, type: collect, slot: casa_nueva }",
      "      - { step: d, type: collect, slot: dia_mudanza }",
    ],
    "mudanzas.yaml",
  );
  muebles = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  casa_origen: { extract: address, prompt: '¿Desde qué dirección?' }",
      "  casa_nueva: { extract: address, prompt: '¿Y a qué dirección?' }",
      "  zona_mueble: { choices: [centro, afueras], prompt: '¿Qué zona?' }",
      "  precio_porte: { type: float, internal: true, description: El precio del porte. }",
      "flows:",
      "  llevar_mueble:",
      "    description: Llevar un mueble de una casa a otra",
      "    trigger:",
      "      intents:",
      "        - quiero llevar un mueble",
      "        - trasladar un mueble a {casa_nueva}",
      "        - llevar un mueble de {casa_origen} a {casa_nueva}",
      "    steps:",
      "      - { step: o, type: collect, slot: casa_origen }",
      "      - { step: n, type: collect, slot: casa_nueva }",
      "  precio_mueble:",
      "    description: El precio de llevar un mueble",
      "    trigger: { intents: ['cuánto cuesta llevar un mueble a {zona_mueble}'] }",
      "    steps:",
      "      - { step: z, type: collect, slot: zona_mueble }",
    ],
    "muebles.yaml",
  );
});

const read = (
  text: string,
  flow?: string,
  waiting?: string,
  slots: Record<string, SlotValue> = {},
): Command[] =>
  du.read(text, lavanderia, flow ? inFlow(lavanderia, flow, { waiting, slots }) : emptyState("t"));

describe("'ningún' declines an optional slot", () => {
  it.each(["ningún servicio más", "ningún otro servicio"])("'%s' skips the list", (text) => {
    expect(read(text, "pedir_recogida", "anadidos_lavado")).toEqual([
      { type: "skip_slot", slot: "anadidos_lavado" },
    ]);
  });
});

describe("the polite plural imperative a customer writes to a company", () => {
  it("'anulen' is a cancel verb", () => {
    expect(startedFlow(read("anulen mi pedido, por favor"))).toBe("anular_lavado");
  });

  it("'cambien' is a change verb", () => {
    expect(startedFlow(read("cambien el día de entrega, que no estoy"))).toBe("cambiar_lavado");
  });
});

describe("a word for nothing as the subject of a sentence", () => {
  const story = { codigo_lavado: "LV123456", tipo_queja: "prenda_perdida" };

  it("'nadie ha venido ...' is the answer to an open question, not a decline", () => {
    expect(read("nadie ha venido a por la ropa", "poner_queja", "relato_queja", story)).toEqual([
      { type: "set_slot", slot: "relato_queja", value: "nadie ha venido a por la ropa" },
    ]);
  });

  it("'nada, gracias' still answers nothing", () => {
    expect(read("nada, gracias", "poner_queja", "relato_queja", story)).toEqual([{ type: "deny" }]);
  });
});

describe("a cancel said first, then why", () => {
  it.each(["olvídalo, ya la llevo yo otro día", "uf, déjalo, lo hago la semana que viene"])(
    "'%s' asked the address stops the flow",
    (text) => {
      expect(read(text, "pedir_recogida", "direccion_lavado")).toEqual([{ type: "cancel_flow" }]);
    },
  );

  it("a cancel then a request still switches to the request", () => {
    const commands = read(
      "olvídalo, quiero saber cómo va mi pedido LV123456",
      "pedir_recogida",
      "direccion_lavado",
    );
    expect(commands[0]).toEqual({ type: "cancel_flow" });
    expect(startedFlow(commands)).toBe("estado_lavado");
  });

  it("an address answered after a comma is no cancel", () => {
    expect(read("Calle Olmo 4, Burgos", "pedir_recogida", "direccion_lavado")).toEqual([
      { type: "set_slot", slot: "direccion_lavado", value: "Calle Olmo 4, Burgos" },
    ]);
  });
});

describe("asking to be told something first while an address is asked", () => {
  it("'espera, antes dime ...' is a digression, not the address", () => {
    const commands = read(
      "espera, antes dime dónde está mi pedido LV654321",
      "pedir_recogida",
      "direccion_lavado",
    );
    expect(startedFlow(commands)).toBe("estado_lavado");
    expect(commands).not.toContainEqual(expect.objectContaining({ slot: "direccion_lavado" }));
  });
});

describe("an open answer that names a filled slot in passing", () => {
  it("is the answer, not a correction that keeps nothing", () => {
    const text = "el pedido no se mueve desde el día 3 y nadie me dice nada";
    expect(
      read(text, "poner_queja", "relato_queja", {
        codigo_lavado: "LV123456",
        tipo_queja: "prenda_perdida",
      }),
    ).toEqual([{ type: "set_slot", slot: "relato_queja", value: text }]);
  });
});

describe("an open answer told as a sentence", () => {
  const filled = { codigo_lavado: "LV123456", tipo_queja: "prenda_rota" };

  it("keeps the article that opens it", () => {
    expect(
      read(
        "la camisa volvió sin un botón y con la manga arrugada",
        "poner_queja",
        "relato_queja",
        filled,
      ),
    ).toEqual([
      {
        type: "set_slot",
        slot: "relato_queja",
        value: "la camisa volvió sin un botón y con la manga arrugada",
      },
    ]);
  });

  it("a short answer is still read without it", () => {
    expect(read("el abrigo", "poner_queja", "relato_queja", filled)).toEqual([
      { type: "set_slot", slot: "relato_queja", value: "abrigo" },
    ]);
  });

  it("keeps a value said inside a clause, and sets its slot too", () => {
    const text = "la falda volvió manchada de lejía por detrás";
    const commands = read(text, "poner_queja", "relato_queja", { codigo_lavado: "LV123456" });
    expect(commands).toContainEqual({ type: "set_slot", slot: "relato_queja", value: text });
    expect(commands).toContainEqual({ type: "set_slot", slot: "tipo_queja", value: "prenda_rota" });
  });
});

describe("addresses in a first message", () => {
  const values = (text: string) =>
    Object.fromEntries(
      du
        .read(text, mudanzas, emptyState("t"))
        .flatMap((c) => (c.type === "set_slot" ? [[c.slot, c.value]] : [])),
    );

  it("a cue word that needs no lead word in one phrase needs none in another", () => {
    expect(
      values("quiero una mudanza de Calle Río 3, Soria a Plaza del Sol 8, Segovia"),
    ).toMatchObject({ casa_origen: "Calle Río 3, Soria", casa_nueva: "Plaza del Sol 8, Segovia" });
  });

  it("of two address cues before an address, the nearest wins", () => {
    const said = values(
      "quiero contratar una mudanza, que vengan a recoger los muebles desde Calle Río 3, Soria",
    );
    expect(said).toMatchObject({ casa_origen: "Calle Río 3, Soria" });
    expect(said).not.toHaveProperty("casa_nueva");
  });

  it("a number alone after the words leading to it is no address", () => {
    expect(values("mudanza de casa, el piso nuevo es el 14")).not.toHaveProperty("casa_origen");
  });

  it("the text after a leading phrase is no address without a number", () => {
    const commands = du.read(
      "quiero llevar un mueble a mi cuñada a zamora",
      muebles,
      emptyState("t"),
    );
    expect(startedFlow(commands)).toBe("llevar_mueble");
    expect(commands).not.toContainEqual(expect.objectContaining({ slot: "casa_origen" }));
  });

  it("lower-case words set off by a comma before the street are no part of it", () => {
    expect(values("llevar los muebles a mi oficina nueva, Calle Luna 9, Ávila")).toMatchObject({
      casa_nueva: "Calle Luna 9, Ávila",
    });
  });

  it("a leading phrase typed with a texting form and a typo still leads", () => {
    const index = du.prepare(muebles).index;
    expect(index.leadingPhrase("kiero llevar un mueble a mi cuñada")?.flow).toBe("llevar_mueble");
    expect(index.leadingPhrase("quiero llevar un muebel a mi cuñada")?.flow).toBe("llevar_mueble");
  });
});

describe("a day the speaker will not be there", () => {
  it.each([
    "no voy a estar en casa el jueves, ¿podéis hacer la mudanza del piso el sábado?",
    "no estaremos en el piso el jueves, la mudanza del piso el sábado por favor",
  ])("'%s' gives that day up for the other", (text) => {
    const commands = du.read(text, mudanzas, emptyState("t"));
    expect(commands).toContainEqual({ type: "set_slot", slot: "dia_mudanza", value: "2027-03-13" });
  });
});

describe("a day of the month right after the words naming a date slot", () => {
  const dates = (text: string) =>
    du
      .read(text, mudanzas, emptyState("t"))
      .filter((c) => c.type === "set_slot" && c.slot === "dia_mudanza");

  it("'... , mudanza el 14' is that day", () => {
    expect(dates("quiero contratar una mudanza con dos operarios, mudanza el 14")).toEqual([
      { type: "set_slot", slot: "dia_mudanza", value: "2027-03-14" },
    ]);
  });

  it("a number that goes on into more words is left alone", () => {
    expect(dates("quiero contratar una mudanza, la mudanza el 14 camiones")).toEqual([]);
  });
});

describe("a thing stuck on its way", () => {
  let cajas: LoadedDomain;
  beforeAll(async () => {
    cajas = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  aviso_caja: { choices: [perdido, golpeado], prompt: '¿Se ha perdido o llegó golpeado?' }",
        "flows:",
        "  seguir_caja:",
        "    description: Saber por dónde va una caja",
        "    trigger: { intents: ['dónde está mi caja'] }",
        "    steps:",
        "      - { step: s, type: say, message: 'Va de camino.' }",
        "  avisar_caja:",
        "    description: Avisar de una caja {aviso_caja}",
        "    trigger: { intents: ['mi caja ha llegado {aviso_caja}'] }",
        "    steps:",
        "      - { step: a, type: collect, slot: aviso_caja }",
      ],
      "cajas.yaml",
    );
  });

  it.each(["mi caja lleva parada una semana", "la caja no se mueve desde el lunes"])(
    "'%s' asks how far it has got",
    (text) => {
      expect(startedFlow(du.read(text, cajas, emptyState("t")))).toBe("seguir_caja");
    },
  );
});
