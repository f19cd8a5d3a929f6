import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

const yaml = `
flows:
  book_stay:
    description: "Book an inn room"
    trigger:
      intents: ["book a room", "I need an inn in {town}", "a room for {guests} people"]
    steps:
      - { step: ask_town, type: collect, slot: town }
      - { step: ask_guests, type: collect, slot: guests }
      - { step: ask_extras, type: collect, slot: extras }
  change_stay:
    description: "Change the days you are away"
    trigger:
      intents: ["change the dates of my stay", "I need to arrive on a different day"]
    steps:
      - { step: ask_code, type: collect, slot: stay_code }
slots:
  town:
    type: string
    choices: [lisbon, porto]
    prompt: "Which town?"
  guests:
    type: integer
    extract: number
    prompt: "How many guests?"
  extras:
    type: list
    extract: list
    required: false
    choices: [parking, dinner]
    synonyms:
      parking: [parking included, car park]
    prompt: "Any extras?"
  stay_code:
    type: string
    extract: pattern
    pattern: "\\\\d{5}"
    prompt: "Code?"
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "inns.yaml");
});

describe("a story's values over a flow its asking clause names by a word alone", () => {
  it("starts the flow all the values are for", () => {
    const text =
      "hi there! looking to get away for a few days with my aunt, 2 of us, porto, would love parking included";
    const read = du.read(text, domain, emptyState("t"));
    expect(read[0]).toEqual({ type: "start_flow", flow: "book_stay" });
    expect(read).toContainEqual({ type: "set_slot", slot: "town", value: "porto" });
  });

  it("keeps the clause's flow when it says its act", () => {
    const text =
      "hi there! I need to change the days we are away, 2 of us, porto, would love parking included";
    expect(du.read(text, domain, emptyState("t"))[0]).toEqual({
      type: "start_flow",
      flow: "change_stay",
    });
  });
});
