import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedDomain } from "../../../src/config/loaded-domain.ts";
import { loadDomainFromText } from "../../../src/config/loader.ts";
import { HeuristicUnderstanding } from "../../../src/du/heuristic/heuristic-understanding.ts";
import { emptyState } from "../../../src/protocol/state.ts";
import { inFlow } from "../helpers.ts";

/**
 * A tennis club and a parcel service, written for these tests: a name after its key and a link
 * word ("under the name of"), a count settled on after a hedge ("only one", "say 8"), and a word
 * saying which one of a thing is meant ("my other parcel").
 */
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

describe("a word saying which one of the thing is meant", () => {
  const parcel = [
    { type: "start_flow", flow: "parcel_status" },
    { type: "set_slot", slot: "parcel_number", value: "55102" },
  ];

  it("neither dilutes the match nor parts the question word from its thing", () => {
    expect(du.read("where is my other parcel 55102", domain, emptyState("t"))).toEqual(parcel);
  });

  it("lets a question about another thing leave a flow mid-way", () => {
    const asked = inFlow(domain, "book_court", { waiting: "players" });
    expect(du.read("hold on, where is my other parcel 55102", domain, asked)).toEqual(parcel);
  });
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

describe("a count settled on after a hedge", () => {
  const asked = () => inFlow(domain, "book_court", { waiting: "players" });
  const players = (value: number) => [{ type: "set_slot", slot: "players", value }];

  it("reads 'only one' as one", () => {
    expect(du.read("only one, me", domain, asked())).toEqual(players(1));
  });

  it("takes the number said after 'say' over the ones before it", () => {
    expect(du.read("3 maybe 4, say 4", domain, asked())).toEqual(players(4));
    expect(du.read("two, let's say three", domain, asked())).toEqual(players(3));
  });

  it("still reads a hedge alone as no count", () => {
    expect(du.read("3 or 4", domain, asked())).toEqual([]);
  });
});
