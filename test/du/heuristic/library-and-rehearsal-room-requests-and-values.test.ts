import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { domainFromLines, EXAMPLE_NOW, inFlow, slotsOf } from "../helpers.ts";

/**
 * On a university library's desk and a band's rehearsal room: loose patterns with a dot, particles
 * after a verb, passwords, opening hours, Spanish forms of address and synonyms, stories, a device
 * that will not charge. Today is Wednesday 10 March 2027.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let desk: LoadedDomain;
let band: LoadedDomain;
let router: LoadedDomain;
let pool: LoadedDomain;
let taller: LoadedDomain;
let barberia: LoadedDomain;
let gallery: LoadedDomain;
const read = (domain: LoadedDomain, text: string): Command[] =>
  du.read(text, domain, emptyState("t"));

beforeAll(async () => {
  gallery = await domainFromLines([
    "slots:",
    "  feedback_kind: { type: string, choices: [grievance, praise], synonyms: { grievance: [complaint, complain], praise: [compliment, thank you note] }, prompt: 'A complaint or praise?' }",
    "  visit_day: { type: date, prompt: 'Which day?' }",
    "flows:",
    "  leave_feedback:",
    "    description: Tell the gallery what went well or badly",
    "    trigger: { intents: ['I want to make a complaint', 'feedback about my visit'] }",
    "    steps:",
    "      - { step: k, type: collect, slot: feedback_kind }",
    "  book_visit:",
    "    description: Book a guided visit",
    "    trigger: { intents: ['book a guided visit for {visit_day}'] }",
    "    steps:",
    "      - { step: d, type: collect, slot: visit_day }",
  ]);
  barberia = await domainFromLines([
    "settings: { language: es }",
    "slots:",
    "  servicio: { type: string, choices: [corte, corte_nino, afeitado], synonyms: { corte_nino: [corte niño] }, prompt: '¿Qué servicio?' }",
    "  turno_confirmado: { type: boolean }",
    "flows:",
    "  pedir_turno:",
    "    description: Pedir turno en la barbería",
    "    trigger: { intents: ['quiero un {servicio}', 'pedir turno'] }",
    "    steps:",
    "      - { step: s, type: collect, slot: servicio }",
    "      - { step: c, type: confirm, slot: turno_confirmado, message: '¿Te apunto?' }",
    "  ver_precios:",
    "    description: Consultar los precios de la barbería",
    "    trigger: { intents: ['cuánto cuesta un {servicio}', 'precios'] }",
    "    steps:",
    "      - { step: s, type: collect, slot: servicio }",
  ]);
  desk = await domainFromLines([
    "slots:",
    "  login: { type: string, extract: pattern, pattern: '[a-z]+\\.[a-z]+', prompt: 'Which login?' }",
    "  credit: { type: string, choices: [ten_pages, fifty_pages], synonyms: { ten_pages: [ten pages], fifty_pages: [fifty pages] }, prompt: 'How much credit?' }",
    "  team: { type: string, extract: pattern, pattern: '[a-z]+-[a-z]+', prompt: 'Which team?' }",
    "  credit_confirmed: { type: boolean }",
    "flows:",
    "  top_up:",
    "    description: Add print credit to a student login",
    "    trigger: { intents: ['add print credit', 'top up the login {login}'] }",
    "    steps:",
    "      - { step: c, type: collect, slot: credit }",
    "      - { step: l, type: collect, slot: login }",
    "      - { step: k, type: confirm, slot: credit_confirmed, message: 'Add {credit} to {login}?' }",
    "  join_team:",
    "    description: Join a reading team",
    "    trigger: { intents: ['join the team {team}'] }",
    "    steps:",
    "      - { step: t, type: collect, slot: team }",
  ]);
  band = await domainFromLines([
    "slots:",
    "  room: { type: string, choices: [small_room, big_room], synonyms: { big_room: [big room] }, prompt: 'Which room?' }",
    "  rehearsal_day: { type: date, prompt: 'Which day?', aliases: [day] }",
    "  invoice: { type: string, extract: pattern, pattern: 'RB-\\d{4}', prompt: 'Which invoice?' }",
    "flows:",
    "  book_room:",
    "    description: Book a rehearsal room for a day",
    "    trigger: { intents: ['book the {room} for {rehearsal_day}', 'I need a rehearsal room'] }",
    "    steps:",
    "      - { step: r, type: collect, slot: room }",
    "      - { step: d, type: collect, slot: rehearsal_day }",
    "  chase_invoice:",
    "    description: Ask about an invoice not paid yet",
    "    trigger: { intents: ['follow up on my invoice', 'chase up invoice {invoice}'] }",
    "    steps:",
    "      - { step: i, type: collect, slot: invoice }",
  ]);
  router = await domainFromLines([
    "slots:",
    "  router_task: { type: string, choices: [new_password, restart], synonyms: { new_password: [change the password, password] }, prompt: 'What should I do?' }",
    "flows:",
    "  manage_router:",
    "    description: Change the home router's password or restart it",
    "    trigger: { intents: ['{router_task} on my router'] }",
    "    steps:",
    "      - { step: t, type: collect, slot: router_task }",
  ]);
  pool = await domainFromLines([
    "slots:",
    "  lane_day: { type: date, prompt: 'Which day?' }",
    "flows:",
    "  book_lane:",
    "    description: Book a swimming lane for a day",
    "    trigger: { intents: ['book a lane for {lane_day}'] }",
    "    steps:",
    "      - { step: d, type: collect, slot: lane_day }",
    "  pool_hours:",
    "    description: When the pool opens and closes",
    "    capability: true",
    "    trigger: { intents: ['when do you open', 'what time does the pool close'] }",
    "    steps:",
    "      - { step: s, type: say, message: 'We open at 7.' }",
  ]);
  taller = await domainFromLines([
    "settings: { language: es }",
    "slots:",
    "  matricula: { type: string, extract: pattern, pattern: '\\d{4}[A-Z]{3}', prompt: '¿Matrícula?' }",
    "flows:",
    "  anular_revision:",
    "    description: Anular la revisión del coche",
    "    trigger: { intents: ['anular la revisión', 'borrar mi revisión'] }",
    "    steps:",
    "      - { step: m, type: collect, slot: matricula }",
    "  mover_revision:",
    "    description: Cambiar el día de la revisión",
    "    trigger: { intents: ['cambiar la revisión de día'] }",
    "    steps:",
    "      - { step: m, type: collect, slot: matricula }",
    "  dudas_taller:",
    "    description: Preguntar una duda al taller",
    "    trigger: { intents: ['tengo una duda', 'tengo una pregunta sobre el coche'] }",
    "    steps:",
    "      - { step: d, type: say, message: 'Dime.' }",
  ]);
});

describe("a loose pattern that needs a dot inside is read as one token wherever it is said", () => {
  it("in a longer answer to its question", () => {
    const state = inFlow(desk, "top_up", { waiting: "login", slots: { credit: "ten_pages" } });
    for (const [text, login] of [
      ["that's tom.baker, the one on my card", "tom.baker"],
      ["Sure: eva.kim.", "eva.kim"],
    ] as const) {
      expect(slotsOf(du.read(text, desk, state)), text).toEqual({ login });
    }
  });

  it("as a new value at the confirmation", () => {
    const state = inFlow(desk, "top_up", {
      confirm: true,
      slots: { credit: "ten_pages", login: "tom.baker" },
    });
    const commands = du.read("oops, it should be eva.kim", desk, state);
    expect(commands).toEqual([{ type: "correct_slot", slot: "login", value: "eva.kim" }]);
  });

  it("in the first message, away from the trigger's place", () => {
    const commands = read(desk, "add fifty pages of print credit for tom.baker please");
    expect(slotsOf(commands)).toEqual({ credit: "fifty_pages", login: "tom.baker" });
  });

  it("but not when two different ones are said", () => {
    const state = inFlow(desk, "top_up", { waiting: "login", slots: { credit: "ten_pages" } });
    expect(slotsOf(du.read("tom.baker or eva.kim, not sure", desk, state))).toEqual({});
  });

  it("a hyphen is no such mark: a hyphenated word stays prose", () => {
    expect(slotsOf(read(desk, "add print credit, it's a well-known problem"))).toEqual({});
  });
});

describe("a particle said after a verb and its pronoun belongs to that verb", () => {
  it("and names no flow whose phrase has it after another verb", () => {
    const asked = inFlow(band, "book_room", {
      waiting: "rehearsal_day",
      slots: { room: "big_room" },
    });
    for (const state of [emptyState("t"), asked]) {
      for (const text of ["where do I pick it up?", "when can I pick them up?"]) {
        const flows = du
          .read(text, band, state)
          .filter((c) => c.type === "start_flow")
          .map((c) => (c.type === "start_flow" ? c.flow : ""));
        expect(flows, text).toEqual([]);
      }
    }
  });

  it("while the verb's own phrase still names its flow", () => {
    const flows = read(band, "could you follow up on my invoice please")
      .filter((c) => c.type === "start_flow")
      .map((c) => (c.type === "start_flow" ? c.flow : ""));
    expect(flows).toEqual(["chase_invoice"]);
  });
});

describe("a password shortened as it is typed", () => {
  it("is the word it stands for", () => {
    for (const text of ["change the pwd on my router", "router passwd please"]) {
      expect(slotsOf(read(router, text)), text).toEqual({ router_task: "new_password" });
    }
  });
});

describe("a question about when the business opens", () => {
  it("is asked of the flow that tells it, said with a part of the day", () => {
    for (const text of [
      "what time do you open in the morning?",
      "when do you close in the evening",
    ]) {
      const flows = read(pool, text)
        .filter((c) => c.type === "start_flow")
        .map((c) => (c.type === "start_flow" ? c.flow : ""));
      expect(flows, text).toEqual(["pool_hours"]);
    }
  });

  it("but a thing no flow knows in it is still out of scope", () => {
    expect(read(pool, "what time do you open the sauna in the morning?")).toEqual([
      { type: "out_of_scope" },
    ]);
  });
});

describe("having, in Spanish, asks for nothing, as in English", () => {
  it("so the thing one has is named by the act on it", () => {
    for (const text of ["quiero borrar la cita que tengo", "anular lo que tengo el lunes"]) {
      const flows = read(taller, text)
        .filter((c) => c.type === "start_flow")
        .map((c) => (c.type === "start_flow" ? c.flow : ""));
      expect(flows, text).toEqual(["anular_revision"]);
    }
  });
});

describe("Spanish asked of vosotros, and a repeat asked of tú", () => {
  it("cancel and change as the other forms do", () => {
    const cases: [string, string][] = [
      ["anulad la revisión, porfa", "anular_revision"],
      ["retrasad la revisión una semana", "mover_revision"],
    ];
    for (const [text, flow] of cases) {
      const flows = read(taller, text)
        .filter((c) => c.type === "start_flow")
        .map((c) => (c.type === "start_flow" ? c.flow : ""));
      expect(flows, text).toEqual([flow]);
    }
  });

  it("asks for the question again", () => {
    const state = inFlow(taller, "anular_revision", { waiting: "matricula" });
    for (const text of ["¿me lo repites?", "perdona, ¿me lo puedes repetir?"]) {
      expect(du.read(text, taller, state), text).toEqual([{ type: "repeat_last" }]);
    }
  });
});

describe("Spanish: a two-word synonym said with de or para, a price asked with cobrar, a no after uy", () => {
  it("reads the synonym with the word between", () => {
    const state = inFlow(barberia, "pedir_turno", { waiting: "servicio" });
    for (const text of ["un corte de niño", "corte para niño, porfa"]) {
      expect(slotsOf(du.read(text, barberia, state)), text).toEqual({ servicio: "corte_nino" });
    }
  });

  it("asks the flow that tells prices", () => {
    const commands = read(barberia, "¿y qué me cobraríais por un afeitado?");
    expect(commands[0]).toEqual({ type: "start_flow", flow: "ver_precios" });
    expect(slotsOf(commands)).toEqual({ servicio: "afeitado" });
  });

  it("takes a no behind an interjection as a no at the confirmation", () => {
    const state = inFlow(barberia, "pedir_turno", {
      confirm: true,
      slots: { servicio: "corte" },
    });
    expect(du.read("uy no, espera, mejor no", barberia, state)).toEqual([{ type: "deny" }]);
  });
});

describe("a trigger that says a value of its flow's own choice slot in words", () => {
  it("lets any value of that slot name the flow", () => {
    const cases: [string, string][] = [
      ["I'd like to complain", "grievance"],
      ["just a compliment for the staff", "praise"],
    ];
    for (const [text, kind] of cases) {
      const commands = read(gallery, text);
      expect(commands[0], text).toEqual({ type: "start_flow", flow: "leave_feedback" });
      expect(slotsOf(commands), text).toEqual({ feedback_kind: kind });
    }
  });
});

describe("a story told in the past, then a request in its last clause", () => {
  const started = (text: string) =>
    read(gallery, text)
      .filter((c) => c.type === "start_flow")
      .map((c) => (c.type === "start_flow" ? c.flow : ""));

  it("asks for what the last clause asks, not for what the story's values fit", () => {
    const text =
      "we were there on saturday for a guided visit and the guide never came, so I want to complain";
    expect(started(text)).toEqual(["leave_feedback"]);
  });

  it("still asks for the story's flow when the last clause does too", () => {
    const text =
      "last time we were there the guide was great, so I want to book a guided visit for saturday";
    expect(started(text)).toEqual(["book_visit"]);
  });
});

describe("a participle after a pronoun names the result wanted", () => {
  it("so it is the one-word choice of its verb", () => {
    const asked = inFlow(router, "manage_router", { waiting: "router_task" });
    expect(slotsOf(du.read("I just want it restarted", router, asked))).toEqual({
      router_task: "restart",
    });
  });
});

describe("a device that will not charge", () => {
  it("reports a fault, though 'anymore' often gives a thing up", async () => {
    const loans = await domainFromLines([
      "slots:",
      "  device: { type: string, choices: [tablet, headset], prompt: 'Which device?' }",
      "flows:",
      "  report_fault:",
      "    description: Report a broken device",
      "    trigger: { intents: ['my {device} is broken', 'report a fault'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: device }",
      "  end_loan:",
      "    description: End the loan of a device",
      "    trigger: { intents: ['cancel my loan', 'I do not need the {device} any longer'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: device }",
    ]);
    for (const text of ["the tablet won't charge anymore", "my headset isn't charging"]) {
      const flows = read(loans, text)
        .filter((c) => c.type === "start_flow")
        .map((c) => (c.type === "start_flow" ? c.flow : ""));
      expect(flows, text).toEqual(["report_fault"]);
    }
  });
});

describe("a negated synonym said with a word of degree between", () => {
  it("is that synonym, not the word it negates", async () => {
    const plants = await domainFromLines([
      "slots:",
      "  priority: { type: string, choices: [low, high], synonyms: { low: [not urgent, not important], high: [urgent, important] }, prompt: 'How urgent?' }",
      "flows:",
      "  water_plants:",
      "    description: Ask the gardener to water the plants",
      "    trigger: { intents: ['water the plants'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: priority }",
    ]);
    const state = inFlow(plants, "water_plants", { waiting: "priority" });
    for (const text of ["not that urgent to be honest", "not so important, they can wait"]) {
      expect(slotsOf(du.read(text, plants, state)), text).toEqual({ priority: "low" });
    }
    const riego = await domainFromLines([
      "settings: { language: es }",
      "slots:",
      "  prioridad: { type: string, choices: [baja, alta], synonyms: { baja: [no urgente], alta: [urgente] }, prompt: '¿Es urgente?' }",
      "flows:",
      "  regar:",
      "    description: Pedir que rieguen las plantas",
      "    trigger: { intents: ['regar las plantas'] }",
      "    steps:",
      "      - { step: p, type: collect, slot: prioridad }",
    ]);
    const estado = inFlow(riego, "regar", { waiting: "prioridad" });
    expect(slotsOf(du.read("no tan urgente, la verdad", riego, estado))).toEqual({
      prioridad: "baja",
    });
  });
});
