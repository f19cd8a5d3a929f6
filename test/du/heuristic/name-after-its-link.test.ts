import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";

const yaml = `
flows:
  book_court:
    description: "Book a tennis court"
    trigger:
      intents: ["book a court", "reserve a court for {players}"]
    steps:
      - { step: ask_players, type: collect, slot: players }
      - { step: ask_name, type: collect, slot: holder_name }
  parcel_status:
    description: "Check where a parcel is"
    trigger:
      intents: ["where is my parcel", "track parcel {parcel_number}"]
    steps:
      - { step: ask_number, type: collect, slot: parcel_number }
  cancel_parcel:
    description: "Cancel a parcel"
    trigger:
      intents: ["cancel my parcel", "cancel parcel {parcel_number}"]
    steps:
      - { step: ask_number, type: collect, slot: parcel_number }
slots:
  players:
    type: integer
    extract: number
    prompt: "How many players?"
  holder_name:
    type: string
    extract: person_name
    prompt: "Under which name?"
  parcel_number:
    type: string
    extract: pattern
    pattern: "\\\\d{5}"
    prompt: "Parcel number?"
`;
const du = new HeuristicUnderstanding({ now: () => new Date("2027-03-10T12:00:00") });
let domain: LoadedDomain;
beforeAll(async () => {
  domain = await loadDomainFromText(yaml, "courts.yaml");
});

describe("a name after its key and a link word", () => {
  it("reads the name in 'in the name of ...' and 'under the name of ...'", () => {
    const cases: Array<[string, string]> = [
      ["could I reserve a court for 4 players in the name of Okonkwo", "Okonkwo"],
      ["book a court under the name of Lena Brandt", "Lena Brandt"],
    ];
    for (const [text, name] of cases) {
      expect(du.read(text, domain, emptyState("t")), text).toContainEqual({
        type: "set_slot",
        slot: "holder_name",
        value: name,
      });
    }
  });

  it("reads no name where a lower-case word follows the link", () => {
    const read = du.read(
      "book a court, the name of the club is on the card",
      domain,
      emptyState("t"),
    );
    expect(read.some((c) => c.type === "set_slot" && c.slot === "holder_name")).toBe(false);
  });
});
