import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import type { Command } from "../../../src/protocol/commands.ts";
import { type DialogueState, emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, readValues, startedFlows } from "../helpers.ts";

/**
 * On a makerspace: a letters-only pattern value said with the request, a booking verb whose object
 * the domain does not know, a value that answers a clarification between flows, fault and sign-in
 * words.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let space: LoadedDomain;
let taller: LoadedDomain;
const first = (text: string, state: DialogueState = emptyState("t")): Command[] =>
  du.read(text, space, state);
const started = startedFlows;
const values = readValues;

/** The state right after the assistant asked which of `flows` was meant. */
function offered(flows: string[]): DialogueState {
  const state = emptyState("t");
  state.last_turn = {
    turn: 1,
    at: EXAMPLE_NOW.toISOString(),
    user_message: "the kiln",
    commands: [{ type: "clarify", flows }],
    steps: [],
    messages: [],
  };
  return state;
}

beforeAll(async () => {
  space = await loadDomainFromText(
    [
      "slots:",
      "  member_handle:",
      "    extract: pattern",
      "    pattern: '[a-z]+_[a-z]+'",
      "    prompt: 'Your member handle, like ana_ruiz?'",
      "    aliases: [handle, member handle]",
      "  machine:",
      "    type: string",
      "    choices: [kiln, lathe, sewing_machine]",
      "    prompt: 'Which machine?'",
      "  severity:",
      "    type: string",
      "    choices: [sev_low, sev_high]",
      "    synonyms: { sev_low: [low, minor], sev_high: [high, serious] }",
      "    prompt: 'How bad is it?'",
      "  use_day: { type: date, prompt: 'Which day?' }",
      "  shelf_tag:",
      "    extract: pattern",
      "    pattern: '[A-Za-z][A-Za-z -]{3,}'",
      "    prompt: 'Which shelf tag?'",
      "    aliases: [tag]",
      "flows:",
      "  renew_badge:",
      "    description: Renew the door badge of a member",
      "    trigger:",
      "      intents: ['renew my badge', 'renew the badge for {member_handle}']",
      "    steps:",
      "      - { step: h, type: collect, slot: member_handle }",
      "  report_breakdown:",
      "    description: Tell the staff a machine has a fault",
      "    trigger:",
      "      intents: ['the {machine} is broken', 'report a fault with the {machine}']",
      "    steps:",
      "      - { step: m, type: collect, slot: machine }",
      "      - { step: s, type: collect, slot: severity }",
      "  reserve_machine:",
      "    description: Reserve a machine for a day",
      "    trigger:",
      "      intents: ['book the {machine} for {use_day}', 'reserve the {machine}']",
      "    steps:",
      "      - { step: m, type: collect, slot: machine }",
      "      - { step: d, type: collect, slot: use_day }",
      "  store_project:",
      "    description: Keep a project on a shelf",
      "    trigger:",
      "      intents: ['store my project on shelf {shelf_tag}']",
      "    steps:",
      "      - { step: t, type: collect, slot: shelf_tag }",
      "  portal_access:",
      "    description: Help getting into the members' portal",
      "    trigger:",
      "      intents: ['I cannot log in to the members portal']",
      "    steps:",
      "      - { step: h, type: collect, slot: member_handle }",
    ].join("\n"),
  );
});

beforeAll(async () => {
  taller = await loadDomainFromText(
    [
      "settings: { language: es }",
      "slots:",
      "  maquina: { type: string, choices: [horno, torno], prompt: '¿Qué máquina?' }",
      "  dia_uso: { type: date, prompt: '¿Qué día?' }",
      "flows:",
      "  avisar_averia:",
      "    description: Avisar de una avería de una máquina",
      "    trigger:",
      "      intents: ['el {maquina} está roto', 'avisar de una avería']",
      "    steps:",
      "      - { step: m, type: collect, slot: maquina }",
      "  reservar_maquina:",
      "    description: Reservar una máquina para un día",
      "    trigger:",
      "      intents: ['reservar el {maquina} para el {dia_uso}']",
      "    steps:",
      "      - { step: m, type: collect, slot: maquina }",
      "      - { step: d, type: collect, slot: dia_uso }",
    ].join("\n"),
  );
});

describe("a letters-only pattern value said with the request", () => {
  it("is read right after the slot's own name", () => {
    const commands = first("please renew my badge, my handle is tomas_vidal");
    expect(started(commands)).toEqual(["renew_badge"]);
    expect(values(commands)).toMatchObject({ member_handle: "tomas_vidal" });
  });

  it("is read at the trigger phrase's place for it", () => {
    const commands = first("can you renew the badge for lucia_mendez");
    expect(started(commands)).toEqual(["renew_badge"]);
    expect(values(commands)).toMatchObject({ member_handle: "lucia_mendez" });
  });

  it("is not read when the text there does not match the pattern whole", () => {
    for (const text of [
      "renew the badge for lucia_mendez@example.org",
      "renew my badge, my handle is Lucia",
    ]) {
      const commands = first(text);
      expect(started(commands), text).toEqual(["renew_badge"]);
      expect(values(commands).member_handle, text).toBeUndefined();
    }
  });

  it("is one token with a mark in it, not a plain word a loose pattern happens to match", () => {
    const commands = first("store my project on shelf upstairs");
    expect(started(commands)).toEqual(["store_project"]);
    expect(values(commands).shelf_tag).toBeUndefined();
  });

  it("is not read anywhere else in the message", () => {
    const commands = first("renew my badge please, olga_petrova told me to ask");
    expect(values(commands).member_handle).toBeUndefined();
  });
});

describe("a booking verb whose object the domain does not know", () => {
  it("asks for something else", () => {
    for (const text of [
      "could you book me a taxi to the airport",
      "I'd like to reserve a hammock for saturday",
    ]) {
      expect(started(first(text)), text).toEqual([]);
    }
  });

  it("still asks for the flow when the object is the domain's own, or absent", () => {
    expect(started(first("can you book me the lathe for friday"))).toEqual(["reserve_machine"]);
    expect(started(first("I want to book for friday"))).toEqual(["reserve_machine"]);
  });
});

describe("a booking verb whose object is unknown but whose values are the flow's", () => {
  it("starts the flow when several of its own values are told", async () => {
    const ferry = await loadDomainFromText(
      [
        "slots:",
        "  from_port: { type: string, prompt: 'Which port do you sail from?' }",
        "  to_port: { type: string, prompt: 'Which port do you sail to?' }",
        "  sail_date: { type: date, prompt: 'What day?' }",
        "flows:",
        "  book_crossing:",
        "    description: Book a ferry crossing",
        "    trigger:",
        "      intents: ['book a crossing']",
        "    steps:",
        "      - { step: f, type: collect, slot: from_port }",
        "      - { step: t, type: collect, slot: to_port }",
        "      - { step: d, type: collect, slot: sail_date }",
      ].join("\n"),
    );
    const commands = du.read("book a voyage from Palma to Ibiza on friday", ferry, emptyState("t"));
    expect(started(commands)).toEqual(["book_crossing"]);
    expect(values(commands)).toMatchObject({ from_port: "Palma", to_port: "Ibiza" });
  });
});

describe("an answer to a clarification between flows", () => {
  it("picks the one offered flow that takes the value said", () => {
    const state = offered(["report_breakdown", "reserve_machine"]);
    const commands = first("serious, nobody can use it", state);
    expect(started(commands)).toEqual(["report_breakdown"]);
    expect(values(commands)).toMatchObject({ severity: "sev_high" });
  });

  it("picks none when the answer turns that value down, or both flows take it", () => {
    expect(
      started(first("no, it's not serious", offered(["report_breakdown", "reserve_machine"]))),
    ).toEqual([]);
    expect(started(first("the lathe", offered(["report_breakdown", "reserve_machine"])))).toEqual(
      [],
    );
  });
});

describe("fault and sign-in words of the language", () => {
  it("report a fault of a machine that won't start, is frozen or keeps crashing", () => {
    for (const text of [
      "the kiln won't start",
      "the lathe is frozen",
      "sewing machine keeps crashing",
      "the kiln display is flickering",
    ]) {
      expect(started(first(text)), text).toEqual(["report_breakdown"]);
    }
  });

  it("report a fault in Spanish too", () => {
    for (const text of ["el horno no arranca", "el torno se cuelga todo el rato"]) {
      expect(started(du.read(text, taller, emptyState("t"))), text).toEqual(["avisar_averia"]);
    }
  });

  it("hear login, log on and sign in as one", () => {
    for (const text of ["i cant login to the members portal", "can't sign in to the portal"]) {
      expect(started(first(text)), text).toEqual(["portal_access"]);
    }
  });
});
