import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { tokenize } from "../../../src/du/heuristic/text.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow } from "../helpers.ts";

/**
 * Act cues read the words as typed, with typos fixed; the domain's infinitive of a verb form
 * said otherwise ("localizo" read as "localizar") is for matching flows and values only.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });

/** A parcel desk in Spanish whose only flow says "localizar". */
let parcels: LoadedDomain;
/** An English lender whose only flow says "officer". */
let loans: LoadedDomain;

beforeAll(async () => {
  parcels = await domainFromLines(
    [
      "settings: { language: es }",
      "slots:",
      "  codigo:",
      "    type: string",
      "    extract: pattern",
      "    pattern: 'PQ-\\\\d{5}'",
      "    description: el código de seguimiento",
      "actions:",
      "  buscar_envio: { inputs: [codigo] }",
      "flows:",
      "  seguir_envio:",
      "    description: Localizar un envío por su código",
      "    trigger: { intents: ['localizar mi envío', 'dónde está mi paquete {codigo}'] }",
      "    steps:",
      "      - { step: c, type: collect, slot: codigo }",
      "      - { step: go, type: action, action: buscar_envio }",
    ],
    "parcels.yaml",
  );
  loans = await domainFromLines(
    [
      "slots:",
      "  amount:",
      "    type: number",
      "    description: how much to borrow",
      "actions:",
      "  quote: { inputs: [amount] }",
      "flows:",
      "  loan_quote:",
      "    description: Get a loan quote from a loan officer",
      "    trigger: { intents: ['get a loan quote', 'borrow {amount}'] }",
      "    steps:",
      "      - { step: a, type: collect, slot: amount }",
      "      - { step: go, type: action, action: quote }",
    ],
    "loans.yaml",
  );
});

describe("the text act cues read", () => {
  it("fixes typos but keeps a verb form as typed", () => {
    const analyzer = du.turnFor("hola", parcels, emptyState("t")).model.analyzer;
    const tokens = tokenize("no lo localizo, el codgo no lo tengo");
    expect(analyzer.typoCorrectedText(tokens)).toBe("no lo localizo el codigo no lo tengo");
    // Flow matching still reads the domain's infinitive.
    expect(analyzer.correct("localizo")).toBe("localizar");
    expect(analyzer.correctTypo("localizo")).toBe("localizo");
  });

  it("keeps an English word the Spanish verb endings would read as the domain's word", () => {
    const analyzer = du.turnFor("hi", loans, emptyState("t")).model.analyzer;
    const tokens = tokenize("can I get someone at the office for a lon quoet");
    expect(analyzer.typoCorrectedText(tokens)).toBe(
      "can i get someone at the office for a lon quote",
    );
    expect(analyzer.correct("office")).toBe("officer");
  });
});

describe("a Spanish cue with a verb the domain says in the infinitive", () => {
  it("reads 'no lo localizo' at the code's question as not having it to hand", () => {
    const said = du.read(
      "no lo localizo",
      parcels,
      inFlow(parcels, "seguir_envio", { waiting: "codigo" }),
    );
    expect(said).toEqual([{ type: "clarify", topic: "codigo" }]);
  });

  it("reads '¿hacéis ...?' as a question about what the business does", () => {
    for (const text of ["¿hacéis mudanzas?", "hacéis recogidas en casa?"]) {
      expect(du.read(text, parcels, emptyState("t")), text).toEqual([{ type: "out_of_scope" }]);
    }
  });
});

describe("an English cue with a word the domain says longer", () => {
  it("reads someone at the office as a person asked for", () => {
    for (const text of ["can I get someone at the office?", "I need somebody from your office"]) {
      expect(du.read(text, loans, emptyState("t")), text).toMatchObject([
        { type: "human_handoff" },
      ]);
    }
  });

  it("still starts the flow its words name", () => {
    expect(du.read("I want to borrow 5000", loans, emptyState("t"))[0]).toEqual({
      type: "start_flow",
      flow: "loan_quote",
    });
  });
});

describe("a question whose only tie to the domain is a choice value", () => {
  let flights: LoadedDomain;
  let petFood: LoadedDomain;
  beforeAll(async () => {
    flights = await domainFromLines(
      [
        "slots:",
        "  city:",
        "    type: string",
        "    choices: [Rome, Paris, Lisbon]",
        "    description: the city to fly to",
        "actions:",
        "  book: { inputs: [city] }",
        "flows:",
        "  book_flight:",
        "    description: Book a flight to a city",
        "    trigger: { intents: ['book a flight', 'fly to {city}'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: city }",
        "      - { step: go, type: action, action: book }",
      ],
      "flights.yaml",
    );
    petFood = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  entrega:",
        "    type: string",
        "    choices: [recogida, domicilio]",
        "    description: cómo quieres recibirlo",
        "actions:",
        "  pedir: { inputs: [entrega] }",
        "flows:",
        "  pedir_pienso:",
        "    description: Pedir pienso para tu mascota",
        "    trigger: { intents: ['pedir pienso', 'quiero pienso a {entrega}'] }",
        "    steps:",
        "      - { step: e, type: collect, slot: entrega }",
        "      - { step: go, type: action, action: pedir }",
      ],
      "pet-food.yaml",
    );
  });

  it("is out of scope when it opens on what the business does", () => {
    expect(du.read("do you do hotels in Rome too?", flights, emptyState("t"))).toEqual([
      { type: "out_of_scope" },
    ]);
    expect(du.read("¿hacéis radiografías a domicilio?", petFood, emptyState("t"))).toEqual([
      { type: "out_of_scope" },
    ]);
  });

  it("still asks for the flow when a word of the flow is said", () => {
    expect(du.read("do you fly to Rome?", flights, emptyState("t"))[0]).toEqual({
      type: "start_flow",
      flow: "book_flight",
    });
    expect(du.read("¿hacéis pedidos a domicilio?", petFood, emptyState("t"))[0]).toEqual({
      type: "start_flow",
      flow: "pedir_pienso",
    });
  });
});

describe("a Spanish pause in a domain with a word one letter from its time", () => {
  let carWash: LoadedDomain;
  beforeAll(async () => {
    carWash = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  matricula:",
        "    type: string",
        "    extract: pattern",
        "    pattern: '\\\\d{4}[A-Z]{3}'",
        "    description: la matrícula del coche",
        "actions:",
        "  reservar: { inputs: [matricula] }",
        "flows:",
        "  lavado:",
        "    description: Reservar un lavado seguido de encerado",
        "    trigger: { intents: ['reservar un lavado', 'lavado para {matricula}'] }",
        "    steps:",
        "      - { step: m, type: collect, slot: matricula }",
        "      - { step: go, type: action, action: reservar }",
      ],
      "car-wash.yaml",
    );
  });

  it("reads 'un segundo' as the pause, not a typo of the domain's word", () => {
    const state = inFlow(carWash, "lavado", { waiting: "matricula" });
    for (const text of ["un segundo que lo busco en el correo", "un segundo, por favor"]) {
      expect(du.read(text, carWash, state), text).toMatchObject([
        { type: "chitchat", kind: "wait" },
      ]);
    }
  });
});

describe("Spanish cancel words with pronouns attached, read as typed", () => {
  it("cancel the flow", () => {
    const state = inFlow(parcels, "seguir_envio", { waiting: "codigo" });
    for (const text of ["cancélamelo por favor", "mejor cancelarlo", "olvídala", "déjala"]) {
      expect(du.read(text, parcels, state), text).toEqual([{ type: "cancel_flow" }]);
    }
  });

  it("leave it somewhere when a place follows", () => {
    const state = inFlow(parcels, "seguir_envio", { waiting: "codigo" });
    const said = du.read("déjala en la portería", parcels, state);
    expect(said.some((c) => c.type === "cancel_flow")).toBe(false);
  });
});

describe("an act word with pronouns attached, in a request", () => {
  let shipping: LoadedDomain;
  beforeAll(async () => {
    shipping = await domainFromLines(
      [
        "settings: { language: es }",
        "slots:",
        "  codigo:",
        "    type: string",
        "    extract: pattern",
        "    pattern: 'PQ\\d{5}'",
        "actions:",
        "  ver: { inputs: [codigo] }",
        "  anular: { inputs: [codigo] }",
        "flows:",
        "  seguir_envio:",
        "    description: Localizar un envío",
        "    trigger: { intents: ['localizar mi envío', 'dónde está el envío {codigo}'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: codigo }",
        "      - { step: go, type: action, action: ver }",
        "  cancelar_envio:",
        "    description: Cancelar un envío",
        "    trigger: { intents: ['cancelar un envío', 'cancelar el envío {codigo}'] }",
        "    steps:",
        "      - { step: c, type: collect, slot: codigo }",
        "      - { step: go, type: action, action: anular }",
      ],
      "shipping.yaml",
    );
  });

  it("is read as its verb by the ranking", () => {
    const said = du.read(
      "me equivoqué con el envío y quiero cancelarlo, el localizador es PQ12345",
      shipping,
      emptyState("t"),
    );
    expect(said[0]).toEqual({ type: "start_flow", flow: "cancelar_envio" });
  });
});
