import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { EXAMPLE_NOW, inFlow, readValues, slotsOf } from "../helpers.ts";

/**
 * A piano tuner's booking desk, written for these tests: book a visit at an address, under a
 * name, with optional extras.
 */
const du = new HeuristicUnderstanding({ now: () => EXAMPLE_NOW });
let tuner: LoadedDomain;

beforeAll(async () => {
  tuner = await loadDomainFromText(
    [
      "slots:",
      "  visit_day: { type: date, prompt: 'Which day?' }",
      "  home_address: { type: string, extract: address, prompt: 'At which address is the piano?' }",
      "  client_name: { type: string, extract: person_name, prompt: 'Under which name?' }",
      "  extras:",
      "    type: list",
      "    extract: list",
      "    required: false",
      "    prompt: 'Any extras: polishing or a humidity check?'",
      "    choices: [polishing, humidity_check]",
      "  visit_confirmed: { type: boolean }",
      "flows:",
      "  book_visit:",
      "    description: Book a piano tuning visit",
      "    trigger: { intents: ['book a piano tuning', 'I need my piano tuned on {visit_day}'] }",
      "    steps:",
      "      - { step: d, type: collect, slot: visit_day }",
      "      - { step: a, type: collect, slot: home_address }",
      "      - { step: n, type: collect, slot: client_name }",
      "      - { step: e, type: collect, slot: extras }",
      "      - { step: c, type: confirm, slot: visit_confirmed, message: 'Book it?' }",
    ].join("\n"),
    "tuner.yaml",
  );
});

describe("asking for a person", () => {
  it("reads 'a real human' and 'not a machine' as a request for one", () => {
    for (const text of ["could I get a real human on this", "an operator not a robot please"]) {
      const commands = du.read(text, tuner, emptyState("t"));
      expect(commands[0]?.type, text).toBe("human_handoff");
    }
  });

  it("still reads 'are you a real human' as a question about the assistant", () => {
    const commands = du.read("are you a real human?", tuner, emptyState("t"));
    expect(commands[0]?.type).toBe("chitchat");
  });
});

describe("'what was that?'", () => {
  it("asks for the last message again", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "extras" });
    expect(du.read("sorry, what was that?", tuner, state)).toEqual([{ type: "repeat_last" }]);
  });
});

describe("an address after the words that say where it is", () => {
  it("leaves out 'my place,' before the street", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "home_address" });
    const commands = du.read("at our flat, Rue Cler 14, Paris", tuner, state);
    expect(slotsOf(commands)).toEqual({ home_address: "Rue Cler 14, Paris" });
  });

  it("keeps a street typed in lower case before its number", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "home_address" });
    const commands = du.read("calle mayor, 12, Madrid", tuner, state);
    expect(slotsOf(commands).home_address).toContain("calle mayor");
  });
});

describe("a name", () => {
  it("after 'it's', as a clause of its own in a first message", () => {
    const text = "Hello, it's Jonas Berg, I need my piano tuned on friday";
    expect(readValues(du.read(text, tuner, emptyState("t"))).client_name).toBe("Jonas Berg");
  });

  it("after a comma behind words that say the slot's name", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "client_name" });
    const commands = du.read("book it under my daughter's name, Lena Vogt", tuner, state);
    expect(slotsOf(commands)).toEqual({ client_name: "Lena Vogt" });
  });
});

describe("a value at the confirmation for a slot answered empty", () => {
  it("corrects that answer", () => {
    const state = inFlow(tuner, "book_visit", {
      confirm: true,
      slots: { visit_day: "2027-03-12", client_name: "Jonas Berg", extras: null },
    });
    const commands = du.read("yes but add polishing", tuner, state);
    expect(commands).toContainEqual({ type: "correct_slot", slot: "extras", value: ["polishing"] });
  });
});

describe("a value swapped with 'not', then the answer asked", () => {
  it("reads both", () => {
    const state = inFlow(tuner, "book_visit", {
      waiting: "extras",
      slots: { visit_day: "2027-03-12", client_name: "Jonas Berg" },
    });
    const commands = du.read("wait, not friday, saturday. and polishing", tuner, state);
    expect(slotsOf(commands)).toEqual({ visit_day: "2027-03-13", extras: ["polishing"] });
  });

  it("reads a declined answer after a correction too", () => {
    const state = inFlow(tuner, "book_visit", {
      waiting: "extras",
      slots: { visit_day: "2027-03-12", client_name: "Jonas Berg" },
    });
    const commands = du.read("sorry, I meant saturday. and no extras", tuner, state);
    expect(commands).toEqual([
      { type: "correct_slot", slot: "visit_day", value: "2027-03-13" },
      { type: "skip_slot", slot: "extras" },
    ]);
  });

  it("reads no answer from the old value said after the new", () => {
    const state = inFlow(tuner, "book_visit", {
      waiting: "extras",
      slots: { visit_day: "2027-03-12", client_name: "Jonas Berg" },
    });
    const commands = du.read("saturday not friday", tuner, state);
    expect(slotsOf(commands)).toEqual({ visit_day: "2027-03-13" });
  });
});

describe("'what is the ... time/price'", () => {
  it("asks for a value of the thing, not what a term means", () => {
    const commands = du.read("what's the polishing price", tuner, emptyState("t"));
    expect(commands.some((c) => c.type === "clarify")).toBe(false);
  });

  it("while 'what is polishing?' still asks what the term means", () => {
    const commands = du.read("what is polishing?", tuner, emptyState("t"));
    expect(commands[0]?.type).toBe("clarify");
  });
});

describe("a question whether the business has a thing the domain has no word for", () => {
  it("is out of scope while a question is asked, said of 'the <place>' too", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "visit_day" });
    const commands = du.read("does the Berlin workshop have a cafe?", tuner, state);
    expect(commands).toEqual([{ type: "out_of_scope" }]);
    const idle = du.read("does your workshop sell sheet music?", tuner, emptyState("t"));
    expect(idle).toEqual([{ type: "out_of_scope" }]);
  });

  it("is out of scope while an address is asked, after 'btw' and 'you guys'", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "home_address" });
    const commands = du.read("btw do you guys have any gift vouchers?", tuner, state);
    expect(commands).toEqual([{ type: "out_of_scope" }]);
  });

  it("is still the answer when it names the value asked", () => {
    const state = inFlow(tuner, "book_visit", { waiting: "visit_day" });
    const commands = du.read("do you have friday?", tuner, state);
    expect(slotsOf(commands)).toEqual({ visit_day: "2027-03-12" });
  });
});

/** A building's caretaker, written for these tests: report a fault of one supply. */
let caretaker: LoadedDomain;

beforeAll(async () => {
  caretaker = await loadDomainFromText(
    [
      "slots:",
      "  supply:",
      "    type: string",
      "    extract: choice",
      "    prompt: 'Which supply fails: water, heating or power?'",
      "    choices: [water, heating, power]",
      "    synonyms: { power: [electricity, lights], heating: [calefaccion], water: [agua] }",
      "  fault_since: { type: date, extract: date, prompt: 'Since when?' }",
      "flows:",
      "  report_fault:",
      "    description: Report a fault of a supply in the building",
      "    trigger: { intents: ['there is no {supply} since {fault_since}', 'report a fault'] }",
      "    steps:",
      "      - { step: s, type: collect, slot: supply }",
      "      - { step: d, type: collect, slot: fault_since }",
    ].join("\n"),
    "caretaker.yaml",
  );
});

describe("'no <value> since <day>' while the value is asked", () => {
  it("answers both: the 'no' takes back nothing held", () => {
    const state = inFlow(caretaker, "report_fault", { waiting: "supply" });
    const commands = du.read("no heating since monday", caretaker, state);
    expect(slotsOf(commands)).toEqual({ supply: "heating", fault_since: "2027-03-08" });
  });
});

describe("a choice cleared by the words after it", () => {
  it("is not the value: 'the water isn't the problem, the heating is'", () => {
    const text = "the water isn't the problem, it's the heating that stopped";
    expect(readValues(du.read(text, caretaker, emptyState("t"))).supply).toBe("heating");
    const state = inFlow(caretaker, "report_fault", { waiting: "supply" });
    expect(slotsOf(du.read(text, caretaker, state))).toEqual({ supply: "heating" });
  });

  it("in Spanish too: 'el agua no es el problema, es la calefaccion'", () => {
    const state = inFlow(caretaker, "report_fault", { waiting: "supply" });
    const commands = du.read("el agua no es el problema, es la calefaccion", caretaker, state);
    expect(slotsOf(commands)).toEqual({ supply: "heating" });
  });
});
